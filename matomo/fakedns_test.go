package matomo_test

import (
	"context"
	"encoding/binary"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"matomo-onboard/matomo"
)

// fakeDNS is a DNS server on 127.0.0.1 that knows a few names (A records)
// and answers NXDOMAIN for every other one. Clients under test resolve
// through it, so no test sends a query to a resolver off this machine.
type fakeDNS struct {
	conn    net.PacketConn
	names   map[string]net.IP // lower-case name without the final dot
	queries atomic.Int64

	mu    sync.Mutex
	asked []string // the names queried, as they came
}

// askedNames are the names queried so far.
func (d *fakeDNS) askedNames() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]string(nil), d.asked...)
}

func startFakeDNS(t *testing.T, names map[string]net.IP) *fakeDNS {
	t.Helper()
	conn, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	d := &fakeDNS{conn: conn, names: names}
	t.Cleanup(func() { conn.Close() })
	go d.serve()
	return d
}

// resolver sends every query to the fake, whatever server the system's
// configuration names.
func (d *fakeDNS) resolver() *net.Resolver {
	return &net.Resolver{PreferGo: true, Dial: func(ctx context.Context, _, _ string) (net.Conn, error) {
		var dialer net.Dialer
		return dialer.DialContext(ctx, "udp", d.conn.LocalAddr().String())
	}}
}

// use makes c resolve names through the fake.
func (d *fakeDNS) use(c *matomo.Client) { matomo.SetResolver(c, d.resolver()) }

func (d *fakeDNS) serve() {
	buf := make([]byte, 1500)
	for {
		n, from, err := d.conn.ReadFrom(buf)
		if err != nil {
			return
		}
		if reply := d.answer(buf[:n]); reply != nil {
			d.conn.WriteTo(reply, from)
		}
	}
}

// answer builds the reply to one query: the question echoed, and an A
// record when the name is known and an A record was asked for.
func (d *fakeDNS) answer(q []byte) []byte {
	if len(q) < 12 {
		return nil
	}
	d.queries.Add(1)
	name, end := readName(q, 12)
	if end < 0 || end+4 > len(q) {
		return nil
	}
	d.mu.Lock()
	d.asked = append(d.asked, name)
	d.mu.Unlock()
	qtype := binary.BigEndian.Uint16(q[end:])
	question := q[12 : end+4]
	ip, known := d.names[strings.ToLower(name)]
	reply := append([]byte{}, q[0:2]...)        // the query's id
	flags, answers := uint16(0x8183), uint16(0) // response, NXDOMAIN
	if known {
		flags = 0x8180 // response, no error
		if qtype == 1 && ip.To4() != nil {
			answers = 1
		}
	}
	reply = binary.BigEndian.AppendUint16(reply, flags)
	reply = binary.BigEndian.AppendUint16(reply, 1)       // questions
	reply = binary.BigEndian.AppendUint16(reply, answers) // answers
	reply = append(reply, 0, 0, 0, 0)                     // authority, additional
	reply = append(reply, question...)
	if answers == 1 {
		reply = append(reply, 0xc0, 12)                // the name, by pointer to the question
		reply = append(reply, 0, 1, 0, 1, 0, 0, 0, 60) // A, IN, TTL 60
		reply = append(reply, 0, 4)
		reply = append(reply, ip.To4()...)
	}
	return reply
}

func readName(b []byte, off int) (string, int) {
	var labels []string
	for off < len(b) {
		n := int(b[off])
		if n == 0 {
			return strings.Join(labels, "."), off + 1
		}
		if n&0xc0 != 0 || off+1+n > len(b) {
			return "", -1
		}
		labels = append(labels, string(b[off+1:off+1+n]))
		off += 1 + n
	}
	return "", -1
}
