/** The web lab's composition root ({@code WebApp}), its roles and the one access check; features live in sub-packages. */
package novalab.web;
