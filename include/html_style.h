/*
 * The html format's style sheet, CSS text written whole into each page.
 */
#ifndef CREDAUDIT_HTML_STYLE_H
#define CREDAUDIT_HTML_STYLE_H

extern const char	 html_style[];

#endif
