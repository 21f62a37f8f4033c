package safefile

import (
	"io"
	"os"

	"nianbao/forms/l10n"
)

// ReadLimited reads a whole file of at most limit bytes; a larger file is
// refused before it is read, with tooLargeKey as the message. Only regular
// files are read: a folder, a pipe, a device or a socket is refused at once,
// without waiting for a writer or reading without end.
func ReadLimited(path string, limit int64, tooLargeKey string) ([]byte, error) {
	if err := CheckRegular(path); err != nil {
		return nil, err
	}
	// Opened without blocking, in case the path was swapped for a pipe
	// since it was looked at; the open file is checked again.
	f, err := os.OpenFile(path, os.O_RDONLY|openNonBlocking, 0)
	if err != nil {
		return nil, ReadError(path, err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, ReadError(path, err)
	}
	if !info.Mode().IsRegular() {
		return nil, l10n.Errorf("file.notRegular", "Path", path)
	}
	if info.Size() > limit {
		return nil, tooLarge(path, tooLargeKey, info.Size(), limit)
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, ReadError(path, err)
	}
	if int64(len(data)) > limit {
		return nil, tooLarge(path, tooLargeKey, int64(len(data)), limit)
	}
	return data, nil
}

func tooLarge(path, key string, size, limit int64) error {
	return l10n.Errorf(key, "Path", path, "Size", size>>20, "Max", limit>>20)
}

// CheckRegular returns nil if path is a regular file (a link to one
// counts), else an error that says what it is instead. It never opens the
// file, so it cannot block.
func CheckRegular(path string) error {
	info, err := os.Stat(path)
	switch {
	case err != nil:
		return ReadError(path, err)
	case info.IsDir():
		return l10n.Errorf("file.isFolder", "Path", path)
	case !info.Mode().IsRegular():
		return l10n.Errorf("file.notRegular", "Path", path)
	}
	return nil
}
