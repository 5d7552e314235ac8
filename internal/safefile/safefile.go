// Package safefile writes the files matomo-onboard writes (the
// diagnostics report, and whatever else the person asks it to save) so
// that only their owner can read them and so that nothing but a regular
// file is ever written: a path that is a symbolic link, a named pipe, a
// device or a socket is refused and left as it was. (Replacing it would
// be worse than refusing: as root, "--report /dev/null" replaced the
// device; a link planted in a shared folder would point the report
// elsewhere.)
package safefile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"matomo-onboard/internal/i18n"
)

// Mode is the permission of every file written: only the owner can read
// or write it.
const Mode fs.FileMode = 0o600

// Options choose what may be written over.
type Options struct {
	// NewOnly refuses a path that exists, whatever it is: for files that
	// must not replace anything, such as a saved token.
	NewOnly bool
}

// Error says why a path was not written, in words for the person (a
// Printer renders them in the person's language, Error() is English);
// Path is the path as given.
type Error struct {
	Path   string
	Reason i18n.Text
	Err    error
}

func (e *Error) Error() string { return e.Reason.String() }
func (e *Error) Unwrap() error { return e.Err }

// Text is the reason, for a Printer (i18n.Printer.Error).
func (e *Error) Text() i18n.Text { return e.Reason }

// Write writes data to path with Mode: a new file, or an existing regular
// file of this user, whose text it replaces (a file of another user is
// refused, also when running as root). It never follows a symbolic
// link in the last part of path and never opens anything but a regular
// file (checked with Lstat before, and on the opened file after).
func Write(path string, data []byte, opts Options) error {
	fi, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return writeNew(path, data)
	case err != nil:
		return &Error{Path: path, Reason: reason(err), Err: err}
	case opts.NewOnly:
		return &Error{Path: path, Reason: i18n.T(i18n.SafeFileExists), Err: fs.ErrExist}
	}
	if why := notRegular(fi); !why.IsZero() {
		return &Error{Path: path, Reason: why}
	}
	return overwrite(path, fi, data)
}

// writeNew creates path, failing if anything appeared there meanwhile.
func writeNew(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL|noFollow, Mode)
	if err != nil {
		return &Error{Path: path, Reason: reason(err), Err: err}
	}
	if err := writeAll(f, data); err != nil {
		os.Remove(path)
		return &Error{Path: path, Reason: reason(err), Err: err}
	}
	return nil
}

// overwrite replaces the text of the regular file path, which Lstat
// described as was. The file is opened without following a link and
// without waiting (a named pipe put there meanwhile would wait for a
// reader), then checked to be that same regular file, made private, and
// only then emptied and written.
func overwrite(path string, was fs.FileInfo, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|noFollow|noBlock, 0)
	if err != nil {
		return &Error{Path: path, Reason: reason(err), Err: err}
	}
	fail := func(why i18n.Text, err error) error {
		f.Close()
		return &Error{Path: path, Reason: why, Err: err}
	}
	is, err := f.Stat()
	if err != nil {
		return fail(reason(err), err)
	}
	if why := notRegular(is); !why.IsZero() || !os.SameFile(was, is) {
		return fail(orIf(why, i18n.T(i18n.SafeFileChanged)), nil)
	}
	if ownedByOther(is) {
		// Made private, it would still be theirs: they could make it
		// readable again, or read it through a descriptor opened before.
		// Root's chmod does not fail there, so the owner is checked.
		return fail(i18n.T(i18n.SafeFileOtherOwner), nil)
	}
	if err := makePrivate(f); err != nil {
		return fail(i18n.T(i18n.SafeFileNotPrivate), err)
	}
	if err := f.Truncate(0); err != nil {
		return fail(reason(err), err)
	}
	if err := writeAll(f, data); err != nil {
		return &Error{Path: path, Reason: reason(err), Err: err}
	}
	return nil
}

func writeAll(f *os.File, data []byte) error {
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// notRegular says what fi is when it is not a regular file with one name,
// or nothing (the zero Text).
func notRegular(fi fs.FileInfo) i18n.Text {
	m := fi.Mode()
	switch {
	case m&fs.ModeSymlink != 0:
		return i18n.T(i18n.SafeFileSymlink)
	case m&fs.ModeNamedPipe != 0:
		return i18n.T(i18n.SafeFilePipe)
	case m&fs.ModeDevice != 0:
		return i18n.T(i18n.SafeFileDevice)
	case m&fs.ModeSocket != 0:
		return i18n.T(i18n.SafeFileSocket)
	case m.IsDir():
		return i18n.T(i18n.SafeFileFolder)
	case !m.IsRegular():
		return i18n.T(i18n.SafeFileNotRegular)
	case links(fi) > 1:
		return i18n.T(i18n.SafeFileHardLinks)
	}
	return i18n.Text{}
}

// reason puts a system error into words, without the path (the caller's
// message names it); one it does not know stays the system's (English).
func reason(err error) i18n.Text {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	switch {
	case errors.Is(err, fs.ErrPermission):
		return i18n.T(i18n.SafeFilePermission)
	case errors.Is(err, fs.ErrExist):
		return i18n.T(i18n.SafeFileAppeared)
	case isLinkError(err):
		return i18n.T(i18n.SafeFileSymlink)
	case isNoReader(err):
		return i18n.T(i18n.SafeFilePipe)
	}
	return i18n.Verbatim(err.Error())
}

func orIf(t, other i18n.Text) i18n.Text {
	if !t.IsZero() {
		return t
	}
	return other
}

// WriteNewNamed writes data to a new file at the path a person typed,
// for files that must not replace anything (a saved token): ~ at its
// start is their home folder, a folder gets name inside it, and an
// existing file, link or anything else is refused. It returns the
// absolute path, also with an error, for the message.
func WriteNewNamed(typed, name string, data []byte) (string, error) {
	path := typed
	if path == "~" || strings.HasPrefix(path, "~/") {
		home, err := os.UserHomeDir()
		if err != nil {
			return typed, &Error{Path: typed, Reason: i18n.T(i18n.SafeFileNoHome), Err: err}
		}
		path = filepath.Join(home, strings.TrimPrefix(path, "~"))
	}
	// A folder may be reached through a link (~/secrets -> /data/secrets):
	// only the file itself must not be one.
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		path = filepath.Join(path, name)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return path, &Error{Path: path, Reason: reason(err), Err: err}
	}
	if err := Write(abs, data, Options{NewOnly: true}); err != nil {
		var e *Error
		if errors.As(err, &e) && errors.Is(err, fs.ErrNotExist) {
			e.Reason = i18n.T(i18n.SafeFileNoFolder)
		}
		return abs, err
	}
	return abs, nil
}
