/* pane-detail.h: everything the atlas knows about the selected event.
 *
 * Contract: pane_detail_draw() draws the selected event's date (with its
 * precision and length), title, summary, type and era, places and actors
 * (named in the view's language; places with the local forms the view's
 * names setting asks for), figures (low / best / high, each with
 * its source), every source (document and section), statements, and the
 * claims, flagging where sources disagree. Text is wrapped by display
 * width. It records how many lines the text takes so pane_detail_key()
 * can scroll it; it changes nothing else. */
#ifndef PANE_DETAIL_H
#define PANE_DETAIL_H

#include <curses.h>

#include "tui-theme.h"
#include "view.h"

void			pane_detail_draw(WINDOW *, struct view *,
			    const struct tui_theme *);
enum view_action	pane_detail_key(struct view *, int key);

#endif
