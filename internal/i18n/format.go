package i18n

import (
	"strconv"
	"strings"
)

// Arg is one argument a format takes: its number (1 for the first) and
// how it is written (flags, width, precision and verb: "d", "6d", ".1f").
type Arg struct {
	N    int
	Spec string
}

// Args are the arguments format takes, in the order its verbs appear,
// numbered the way fmt and x/text's printer number them (%[2]s is the
// second; a verb without an index takes the one after the last). ok is
// false for a format they would not read: a verb cut off, an index that
// is no number, a width taken from an argument (*).
func Args(format string) (args []Arg, ok bool) {
	next := 1
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		if i < len(format) && format[i] == '%' {
			continue
		}
		n := next
		var spec strings.Builder
	flags:
		for ; i < len(format); i++ {
			c := format[i]
			switch {
			case c == '[':
				end := strings.IndexByte(format[i:], ']')
				if end < 0 {
					return nil, false
				}
				v, err := strconv.Atoi(format[i+1 : i+end])
				if err != nil || v < 1 {
					return nil, false
				}
				n = v
				i += end
			case c == '*':
				return nil, false
			case strings.IndexByte("+-# 0.", c) >= 0 || '0' <= c && c <= '9':
				spec.WriteByte(c)
			default:
				break flags
			}
		}
		if i >= len(format) {
			return nil, false
		}
		spec.WriteByte(format[i])
		args = append(args, Arg{N: n, Spec: spec.String()})
		next = n + 1
	}
	return args, true
}

// leavesCountOut reports whether a form for one leaves the count out:
// it writes one argument fewer than the form for other counts.
func leavesCountOut(one, other string) bool {
	a, _ := Args(one)
	b, _ := Args(other)
	return len(a) < len(b)
}
