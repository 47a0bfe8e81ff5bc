/** Glance-lite: images and their properties. */
package novalab.engine.image;
