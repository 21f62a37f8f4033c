package review

import (
	"strings"
	"time"

	"nianbao/forms/l10n"
)

// Notice is a 退回通知: the unit's report goes back with what to correct.
type Notice struct {
	Title   string
	To      string   // the unit addressed, with its colon
	Opening string   // the paragraph before the reasons
	Reasons []string // one a line of the review's reason, numbered when printed
	Closing string   // when to send the report again
	From    string   // the office
	Date    string   // 2026年1月25日
	At      time.Time
}

// NewNotice words the 退回通知 of a returned unit's report for the report
// year, from the office, dated now; the report is to come again by the
// unit's deadline when it is still ahead, else as soon as possible.
func NewNotice(row Row, year int, office string, now time.Time) Notice {
	n := Notice{
		Title: l10n.T("review.notice.title", "Unit", row.Unit, "Year", year),
		To:    row.Unit + "：",
		From:  office,
		Date:  chineseDate(now),
		At:    now,
	}
	received := ""
	if !row.Received.IsZero() {
		received = l10n.T("review.notice.received", "Date", chineseDate(row.Received))
	}
	n.Opening = l10n.T("review.notice.opening", "Year", year, "Received", received)
	for _, line := range strings.Split(row.Reason, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			n.Reasons = append(n.Reasons, line)
		}
	}
	if !row.Due.IsZero() && now.Before(row.Due.AddDate(0, 0, 1)) {
		n.Closing = l10n.T("review.notice.resendBy", "Date", chineseDate(row.Due))
	} else {
		n.Closing = l10n.T("review.notice.resendSoon")
	}
	return n
}

// Numbered is the reasons as printed: 1. …, 2. ….
func (n Notice) Numbered() []string {
	out := make([]string, len(n.Reasons))
	for i, r := range n.Reasons {
		out[i] = l10n.T("review.notice.item", "N", i+1, "Reason", r)
	}
	return out
}

// Text is the notice as plain text.
func (n Notice) Text() string {
	var sb strings.Builder
	sb.WriteString(n.Title + "\n\n" + n.To + "\n　　" + n.Opening + "\n")
	for _, r := range n.Numbered() {
		sb.WriteString("　　" + r + "\n")
	}
	sb.WriteString("　　" + n.Closing + "\n\n" + n.From + "\n" + n.Date + "\n")
	return sb.String()
}

// chineseDate writes a date as official documents do: 2026年1月25日.
func chineseDate(t time.Time) string { return t.Format("2006年1月2日") }
