/**
 * The website chat widget: a workspace's chat settings (seed 001's bot and canned-reply
 * settings, seed 004's widget appearance and pre-chat fields), read through
 * {@link io.parley.widget.ChatSettingsStore}.
 */
package io.parley.widget;
