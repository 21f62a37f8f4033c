package pdf

import (
	"nianbao/export"
	"nianbao/forms/review"
)

// Notice writes a 退回通知 as a PDF letter.
func Notice(n review.Notice) ([]byte, error) {
	data, _, err := Write(export.Notice(n), Options{})
	return data, err
}
