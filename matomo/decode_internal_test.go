package matomo

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/go-json-experiment/json/jsontext"
)

// decoded reads answer as Verify does after the network and lists the
// sites as "id:role:name:url".
func decoded(t *testing.T, r io.Reader) (string, *bulkAnswer) {
	t.Helper()
	b, err := decodeBulk(context.Background(), r, false)
	if err != nil {
		t.Fatalf("decode: %v", err)
	}
	var parts []string
	for _, s := range b.Sites.Val.sites() {
		parts = append(parts, fmt.Sprintf("%d:%s:%s:%s", s.ID, s.Access, s.Name, s.URL))
	}
	return strings.Join(parts, " "), b
}

func TestRolesComeFromTheIdListsInAnyOrder(t *testing.T) {
	for _, tc := range []struct {
		name string
		bulk Bulk
		want string
	}{
		{"ids in any order, sites in Matomo's order",
			Bulk{Admin: `[9,3]`, Write: `["7",2]`, Sites: `[{"idsite":2},{"idsite":3},{"idsite":5},{"idsite":7},{"idsite":9}]`},
			"2:write:: 3:admin:: 5:view:: 7:write:: 9:admin::"},
		{"sites in another order are sorted, and still get their roles",
			Bulk{Admin: `[9,3]`, Write: `[7,2]`, Sites: `[{"idsite":9},{"idsite":2},{"idsite":7},{"idsite":3},{"idsite":5}]`},
			"2:write:: 3:admin:: 5:view:: 7:write:: 9:admin::"},
		{"a site listed twice stays twice, in its order",
			Bulk{Sites: `[{"idsite":4,"name":"first"},{"idsite":1},{"idsite":4,"name":"second"}]`},
			"1:view:: 4:view:first: 4:view:second:"},
		{"admin wins over write",
			Bulk{Admin: `[1]`, Write: `[1]`, Sites: `[{"idsite":1}]`},
			"1:admin::"},
		{"a superuser is admin everywhere, whatever the lists say",
			Bulk{SuperUser: `{"value":true}`, Admin: `[1]`, Write: `[2]`, Sites: `[{"idsite":1},{"idsite":2},{"idsite":3}]`},
			"1:admin:: 2:admin:: 3:admin::"},
		{"null lists are empty",
			Bulk{Admin: `null`, Write: `null`, Sites: `[{"idsite":"1","name":"Shop","main_url":"https:\/\/shop.example"}]`},
			"1:view:Shop:https://shop.example"},
		{"an id list that failed leaves the sites view",
			Bulk{Admin: `{"result":"error","message":"no"}`, Sites: `[{"idsite":1}]`},
			"1:view::"},
		{"of names that occur twice, the first counts",
			Bulk{Sites: `[{"idsite":1,"name":"A","name":"B","main_url":"u","idsite":2},{"name":"C","idsite":3,"name":"D"}]`},
			"1:view:A:u 3:view:C:"},
		{"a name that is null is empty",
			Bulk{Sites: `[{"idsite":1,"name":null,"main_url":null}]`},
			"1:view::"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, _ := decoded(t, strings.NewReader(tc.bulk.JSON()))
			if got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

// TestTheAnswerReadsTheSameHoweverItArrives: one byte per read (every
// object across the window's edge, the tokenizer fed byte by byte) or all
// at once, Matomo's layout or another (spaces, escapes, names beyond
// ASCII, fields in another order, the fields Matomo sends without
// showColumns), the sites come out the same.
func TestTheAnswerReadsTheSameHoweverItArrives(t *testing.T) {
	var sites []string
	for id := 1; id <= 2500; id++ {
		switch id % 5 {
		case 0:
			sites = append(sites, fmt.Sprintf(`{"idsite":%d,"name":"Site %d","main_url":"https:\/\/s%d.example"}`, id, id, id))
		case 1:
			sites = append(sites, fmt.Sprintf(` { "main_url" : "http:\/\/s%d.example" , "idsite" : "%d" , "name" : "Site\u0020%d" } `, id, id, id))
		case 2:
			sites = append(sites, fmt.Sprintf(`{"idsite":%d,"name":"Bäckerei %d","main_url":"https:\/\/b%d.example","ts_created":"2024-01-01 00:00:00","excluded_parameters":"a,b\nc"}`, id, id, id))
		case 3:
			sites = append(sites, fmt.Sprintf(`{"idsite":%d,"name":"Site %d","main_url":"https:\/\/s%d.example","group":"","type":"website","nested":{"a":[1,{"b":"}"}]}}`, id, id, id))
		case 4:
			sites = append(sites, fmt.Sprintf(`{"idsite":%d,"name":"  Site   %d ","main_url":"https:\/\/s%d.example\/"}`, id, id, id))
		}
	}
	answer := Bulk{Admin: `[5,10,15]`, Write: `[3]`, Sites: "[" + strings.Join(sites, ",\n") + "]"}.JSON()
	whole, _ := decoded(t, strings.NewReader(answer))
	bytewise, _ := decoded(t, iotest.OneByteReader(strings.NewReader(answer)))
	halves, _ := decoded(t, iotest.HalfReader(strings.NewReader(answer)))
	if whole != bytewise || whole != halves {
		t.Fatalf("the sites depend on how the answer arrived:\n%.300s\n%.300s", whole, bytewise)
	}
	for _, want := range []string{"1:view:Site 1:http://s1.example", "2:view:Bäckerei 2:https://b2.example", "3:write:Site 3:https://s3.example",
		"4:view:Site 4:https://s4.example/", "5:admin:Site 5:https://s5.example", "2500:view:Site 2500:https://s2500.example"} {
		if !strings.Contains(" "+whole+" ", " "+want+" ") {
			t.Errorf("missing %q in %.400s", want, whole)
		}
	}
}

// FuzzSiteList: whatever the site list holds, what the decoder accepts is
// valid JSON (its fast path checks Matomo's layout itself, and must never
// let through what jsontext would refuse), a list with one site per
// element.
func FuzzSiteList(f *testing.F) {
	for _, s := range []string{
		`[{"idsite":1,"name":"Shop","main_url":"https:\/\/shop.example"}]`,
		`[{"idsite":"1","name":"Shop","main_url":"https:\/\/shop.example"},{"idsite":2,"name":"Blog","main_url":""}]`,
		`[{"idsite":01,"name":"Shop","main_url":"x"}]`,
		`[{"idsite":1,"name":"Sh` + "\x01" + `op","main_url":"x"}]`,
		`[{"idsite":1,"name":"Shop\","main_url":"x"}]`,
		`[{"idsite":1,"name":"Shop","main_url":"x"},]`,
		`[{"idsite":1,"name":"Shop","main_url":"x"}{"idsite":2}]`,
		`[{"idsite":1,"name":"Shop","main_url":"x"]`,
		`[{"idsite":1,"name":"Shop","main_url":"x",}]`,
		`[{"idsite":1,"name":"Sh\/op","main_url":"x\q"}]`,
		`[{"idsite":-1}]`, `[{"idsite":1e3}]`, `[{"idsite":4294967296}]`, `[]`, `[ ]`, `[1]`, `[{}]`, `[{"a":[}]`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, list []byte) {
		if len(list) == 0 {
			return // Bulk's default, an empty list
		}
		b, err := decodeBulk(context.Background(), strings.NewReader(Bulk{Sites: string(list)}.JSON()), false)
		if err != nil {
			return
		}
		// The site list is the answer's last element: the answer's ] follows
		// it, and may be what closes it.
		dec := jsontext.NewDecoder(bytes.NewReader(append(list, ']')), decodeOptions...)
		if tok, err := dec.ReadToken(); err != nil {
			if tok.Kind() == 'n' {
				return
			}
			t.Fatalf("accepted %q, which is not JSON: %v", list, err)
		} else if tok.Kind() == 'n' {
			return
		} else if tok.Kind() != '[' {
			t.Fatalf("accepted %q as a list", list)
		}
		n := 0
		for dec.PeekKind() != ']' {
			if _, err := dec.ReadValue(); err != nil {
				t.Fatalf("accepted %q, whose element %d is not JSON: %v", list, n, err)
			}
			n++
		}
		if _, err := dec.ReadToken(); err != nil {
			t.Fatalf("accepted %q, which does not end its list: %v", list, err)
		}
		if n != b.Sites.Val.n {
			t.Fatalf("%d sites from %d elements of %q", b.Sites.Val.n, n, list)
		}
	})
}

// FuzzSpaceRun: the site list's whitespace skip, eight bytes at a time
// over runs of one byte, passes over exactly the whitespace a byte at a
// time would, and never over anything else.
func FuzzSpaceRun(f *testing.F) {
	for _, s := range []string{"", " ", "x", " \t\n\r{", strings.Repeat(" ", 17) + "\n" + strings.Repeat("\t", 9) + "]",
		strings.Repeat("\n", 64) + "\x00", strings.Repeat(" ", 7) + "\xa0", "  \r\n  \r\n,"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		want := 0
		for want < len(b) && strings.IndexByte(" \t\n\r", b[want]) >= 0 {
			want++
		}
		if got := spaceRun(b); got != want {
			t.Fatalf("spaceRun(%q) = %d, want %d", b, got, want)
		}
	})
}
