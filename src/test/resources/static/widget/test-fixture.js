/* a file of the widget, for the tests of its caching */
