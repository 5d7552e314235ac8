package matomo

import (
	"regexp"
	"sync"
)

// onFirstUse compiles a regular expression when it is first needed, not
// at package init: every start of the program paid for all of them
// (about a million instructions and 1,250 allocations, a third of the
// binary's work before main), and the wizard's first frame needs none.
func onFirstUse(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
