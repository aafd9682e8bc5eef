package timex

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"parley/caldate"
)

// TMLDoc is a TimeML document reduced to what the TIMEX3 scorer needs: the
// raw text of its TEXT element (tags stripped, entities decoded), the
// document creation time, and the gold TIMEX3 with byte offsets into Text.
type TMLDoc struct {
	Text string
	// DCT is the creation date; DCTValue is the DCT TIMEX3 value as written
	// ("1998-02-12", "1998-02-12T09:31:00").
	DCT      caldate.Date
	DCTValue string
	Gold     []Expr
}

// ParseTML reads a TimeML document. The DCT is the TIMEX3 whose
// functionInDocument is CREATION_TIME, wherever it stands; the gold
// expressions are the TIMEX3 elements inside TEXT.
func ParseTML(b []byte) (TMLDoc, error) {
	var d TMLDoc
	if err := d.findDCT(b); err != nil {
		return d, err
	}
	s := bytes.Index(b, []byte("<TEXT>"))
	e := bytes.LastIndex(b, []byte("</TEXT>"))
	if s < 0 || e < s {
		return d, errors.New("timeml: no <TEXT> element")
	}
	return d, d.strip(b[s+len("<TEXT>") : e])
}

func (d *TMLDoc) findDCT(b []byte) error {
	for off := 0; ; {
		x := bytes.Index(b[off:], []byte("<TIMEX3"))
		if x < 0 {
			return errors.New("timeml: no CREATION_TIME TIMEX3")
		}
		x += off
		end := bytes.IndexByte(b[x:], '>')
		if end < 0 {
			return errors.New("timeml: unterminated TIMEX3 tag")
		}
		tag := string(b[x : x+end])
		off = x + end
		if attr(tag, "functionInDocument") != "CREATION_TIME" {
			continue
		}
		d.DCTValue = attr(tag, "value")
		v := d.DCTValue
		if len(v) > 10 {
			v = v[:10]
		}
		dct, err := caldate.Parse(v)
		if err != nil {
			return fmt.Errorf("timeml: DCT value %q: %w", d.DCTValue, err)
		}
		d.DCT = dct
		return nil
	}
}

// strip copies body into d.Text without tags, recording TIMEX3 extents.
func (d *TMLDoc) strip(body []byte) error {
	var out strings.Builder
	out.Grow(len(body))
	open := -1
	var cur Expr
	for i := 0; i < len(body); {
		switch c := body[i]; c {
		case '<':
			j := bytes.IndexByte(body[i:], '>')
			if j < 0 {
				return errors.New("timeml: unterminated tag in TEXT")
			}
			tag := string(body[i+1 : i+j])
			i += j + 1
			switch {
			case strings.HasPrefix(tag, "TIMEX3"):
				if open >= 0 {
					return errors.New("timeml: nested TIMEX3")
				}
				open = out.Len()
				cur = Expr{Start: open, Type: Type(attr(tag, "type")), Value: attr(tag, "value")}
			case tag == "/TIMEX3":
				if open < 0 {
					return errors.New("timeml: </TIMEX3> without start")
				}
				cur.End = out.Len()
				d.Gold = append(d.Gold, cur)
				open = -1
			}
		case '&':
			j := bytes.IndexByte(body[i:], ';')
			if r, ok := entity(body[i+1 : i+max(j, 1)]); j > 0 && j < 10 && ok {
				out.WriteRune(r)
				i += j + 1
			} else {
				out.WriteByte(c)
				i++
			}
		default:
			out.WriteByte(c)
			i++
		}
	}
	if open >= 0 {
		return errors.New("timeml: unclosed TIMEX3")
	}
	d.Text = out.String()
	for k := range d.Gold {
		g := &d.Gold[k]
		g.Text = d.Text[g.Start:g.End]
	}
	return nil
}

// entity decodes the XML entity named by s (without & and ;).
func entity(s []byte) (rune, bool) {
	switch string(s) {
	case "amp":
		return '&', true
	case "lt":
		return '<', true
	case "gt":
		return '>', true
	case "quot":
		return '"', true
	case "apos":
		return '\'', true
	}
	if len(s) > 1 && s[0] == '#' {
		var n uint64
		var err error
		if s[1] == 'x' || s[1] == 'X' {
			n, err = strconv.ParseUint(string(s[2:]), 16, 32)
		} else {
			n, err = strconv.ParseUint(string(s[1:]), 10, 32)
		}
		if err == nil && utf8.ValidRune(rune(n)) {
			return rune(n), true
		}
	}
	return 0, false
}

// attr returns the value of name="..." in an XML start tag, or "".
func attr(tag, name string) string {
	for off := 0; ; {
		x := strings.Index(tag[off:], name+"=")
		if x < 0 {
			return ""
		}
		x += off
		off = x + len(name) + 1
		if x > 0 && tag[x-1] != ' ' && tag[x-1] != '\t' && tag[x-1] != '\n' {
			continue // a longer attribute name ending in name
		}
		if off >= len(tag) {
			return ""
		}
		q := tag[off]
		if q != '"' && q != '\'' {
			continue
		}
		e := strings.IndexByte(tag[off+1:], q)
		if e < 0 {
			return ""
		}
		return tag[off+1 : off+1+e]
	}
}

// Score counts how a system's TIMEX3 compare with gold by the TempEval-3
// rules. Counts add up over documents with Add.
type Score struct {
	Gold, System int
	Strict       int // pairs with identical extents
	Relaxed      int // pairs with overlapping extents, aligned one-to-one
	TypeOK       int // relaxed pairs with the same type
	ValueOK      int // relaxed pairs with the same value
}

// Add adds o's counts to s.
func (s *Score) Add(o Score) {
	s.Gold += o.Gold
	s.System += o.System
	s.Strict += o.Strict
	s.Relaxed += o.Relaxed
	s.TypeOK += o.TypeOK
	s.ValueOK += o.ValueOK
}

// Pair is one gold expression aligned with a system one; either index is -1
// when the expression was not matched.
type Pair struct{ Gold, System int }

// Align pairs gold and system expressions the TempEval-3 way: overlapping
// extents match, greedily and one-to-one. Identical extents are paired
// first, so that a wide system span that touches two gold expressions is
// given to the one it matches exactly. Unmatched expressions appear with -1
// on the other side.
func Align(gold, sys []Expr) []Pair {
	gm := make([]int, len(gold))
	sm := make([]int, len(sys))
	for i := range gm {
		gm[i] = -1
	}
	for i := range sm {
		sm[i] = -1
	}
	for pass := 0; pass < 2; pass++ {
		for gi, g := range gold {
			if gm[gi] >= 0 {
				continue
			}
			for si, s := range sys {
				if sm[si] >= 0 {
					continue
				}
				exact := s.Start == g.Start && s.End == g.End
				if (pass == 0 && exact) || (pass == 1 && s.Start < g.End && g.Start < s.End) {
					gm[gi], sm[si] = si, gi
					break
				}
			}
		}
	}
	var out []Pair
	for gi, si := range gm {
		out = append(out, Pair{gi, si})
	}
	for si, gi := range sm {
		if gi < 0 {
			out = append(out, Pair{-1, si})
		}
	}
	return out
}

// ScoreDoc scores one document's system expressions against its gold.
func ScoreDoc(gold, sys []Expr) Score {
	s := Score{Gold: len(gold), System: len(sys)}
	for _, p := range Align(gold, sys) {
		if p.Gold < 0 || p.System < 0 {
			continue
		}
		g, x := gold[p.Gold], sys[p.System]
		s.Relaxed++
		if g.Start == x.Start && g.End == x.End {
			s.Strict++
		}
		if g.Type == x.Type {
			s.TypeOK++
		}
		if g.Value == x.Value {
			s.ValueOK++
		}
	}
	return s
}

// PRF is precision, recall and F1.
type PRF struct {
	P  float64 `json:"p"`
	R  float64 `json:"r"`
	F1 float64 `json:"f1"`
}

func prf(match, sys, gold int) PRF {
	var r PRF
	if sys > 0 {
		r.P = float64(match) / float64(sys)
	}
	if gold > 0 {
		r.R = float64(match) / float64(gold)
	}
	if r.P+r.R > 0 {
		r.F1 = 2 * r.P * r.R / (r.P + r.R)
	}
	return r
}

// StrictPRF is precision, recall and F1 over identical extents.
func (s Score) StrictPRF() PRF { return prf(s.Strict, s.System, s.Gold) }

// RelaxedPRF is precision, recall and F1 over overlapping extents.
func (s Score) RelaxedPRF() PRF { return prf(s.Relaxed, s.System, s.Gold) }

// TypeAccuracy is the share of relaxed matches with the gold type.
func (s Score) TypeAccuracy() float64 { return ratio(s.TypeOK, s.Relaxed) }

// ValueAccuracy is the share of relaxed matches with the gold value.
func (s Score) ValueAccuracy() float64 { return ratio(s.ValueOK, s.Relaxed) }

// TypeF1 is type accuracy times relaxed F1 (TempEval-3).
func (s Score) TypeF1() float64 { return s.TypeAccuracy() * s.RelaxedPRF().F1 }

// ValueF1 is value accuracy times relaxed F1 (TempEval-3).
func (s Score) ValueF1() float64 { return s.ValueAccuracy() * s.RelaxedPRF().F1 }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
