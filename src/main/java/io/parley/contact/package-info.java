/**
 * Contacts: the customers a workspace supports, identified by email, phone, an anonymous
 * widget session or, for seed 003's candidates, a login. Other modules find them through
 * {@link io.parley.contact.ContactDirectory}.
 */
package io.parley.contact;
