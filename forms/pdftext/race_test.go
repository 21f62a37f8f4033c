//go:build race

package pdftext

// raceEnabled: the race detector slows the reader tenfold; TestHostile
// then leaves out the files whose point is their size.
const raceEnabled = true
