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
	f, _, err := OpenLimited(path, limit, tooLargeKey)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, ReadError(path, err)
	}
	if int64(len(data)) > limit {
		return nil, tooLarge(path, tooLargeKey, int64(len(data)), limit)
	}
	return data, nil
}

// OpenLimited opens a regular file of at most limit bytes for reading, as
// ReadLimited reads it, and returns it with its size: for readers that read
// only parts of a large file (fonts).
func OpenLimited(path string, limit int64, tooLargeKey string) (*os.File, int64, error) {
	if err := CheckRegular(path); err != nil {
		return nil, 0, err
	}
	// Opened without blocking, in case the path was swapped for a pipe
	// since it was looked at; the open file is checked again.
	f, err := os.OpenFile(path, os.O_RDONLY|openNonBlocking, 0)
	if err != nil {
		return nil, 0, ReadError(path, err)
	}
	info, err := f.Stat()
	switch {
	case err != nil:
		err = ReadError(path, err)
	case !info.Mode().IsRegular():
		err = l10n.Errorf("file.notRegular", "Path", path)
	case info.Size() > limit:
		err = tooLarge(path, tooLargeKey, info.Size(), limit)
	}
	if err != nil {
		f.Close()
		return nil, 0, err
	}
	return f, info.Size(), nil
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
