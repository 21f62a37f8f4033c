package ui

import "nianbao/forms/report"

// change is one undoable edit of a cell: its state before and after.
type change struct {
	id            string
	before, after report.CellState
}

// undoStack holds the edits of table cells, each step a batch (a paste or
// "fill blanks with 0" is one step). Text sections have their own undo in
// their entries.
type undoStack struct {
	done, undone [][]change
}

func (u *undoStack) push(batch []change) {
	if len(batch) == 0 {
		return
	}
	u.done = append(u.done, batch)
	u.undone = nil
}

// step pops a batch from one side onto the other and returns it.
func step(from, to *[][]change) []change {
	if len(*from) == 0 {
		return nil
	}
	b := (*from)[len(*from)-1]
	*from = (*from)[:len(*from)-1]
	*to = append(*to, b)
	return b
}

// Undo reverts the last cell edit; it reports whether there was one.
func (a *App) Undo() bool {
	batch := step(&a.undo.done, &a.undo.undone)
	for i := len(batch) - 1; i >= 0; i-- {
		a.doc.RestoreCell(batch[i].id, batch[i].before)
	}
	return a.afterUndo(batch)
}

// Redo applies the last undone cell edit again.
func (a *App) Redo() bool {
	batch := step(&a.undo.undone, &a.undo.done)
	for _, c := range batch {
		a.doc.RestoreCell(c.id, c.after)
	}
	return a.afterUndo(batch)
}

func (a *App) afterUndo(batch []change) bool {
	if len(batch) == 0 {
		return false
	}
	a.changed()
	if a.ed != nil {
		a.ed.jumpToCell(batch[0].id)
	}
	return true
}

// setCells sets cells as one undoable step and returns the messages of the
// values that were refused. texts holds each cell's text, or one text for
// every cell.
func (a *App) setCells(ids []string, texts ...string) (set int, refused []string) {
	var batch []change
	for i, id := range ids {
		text := texts[min(i, len(texts)-1)]
		before := a.doc.CellState(id)
		if err := a.doc.SetCell(id, text); err != nil {
			refused = append(refused, err.Error())
			continue
		}
		batch = append(batch, change{id, before, a.doc.CellState(id)})
	}
	a.undo.push(batch)
	a.changed()
	return len(batch), refused
}
