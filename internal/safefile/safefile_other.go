//go:build !unix

package safefile

import (
	"io/fs"
	"os"
)

// Elsewhere (Windows) there is no O_NOFOLLOW: the Lstat check before
// opening is what keeps links and devices out.
const (
	noFollow = 0
	noBlock  = 0
)

func links(fs.FileInfo) uint64 { return 1 }

// makePrivate does nothing where modes are not Unix modes: a new file's
// access follows its folder's.
func makePrivate(*os.File) error { return nil }

// ownedByOther cannot tell an owner from Go's file information here; a
// file of another user is usually not writable in the first place.
func ownedByOther(fs.FileInfo) bool { return false }

func isLinkError(error) bool { return false }
func isNoReader(error) bool  { return false }
