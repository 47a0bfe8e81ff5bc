/** Browser tests: headless Debian chromium through chromedriver, page objects, screenshots and the axe-core accessibility check. */
package novalab.web.browser;
