package caldate

import "testing"

func TestParseString(t *testing.T) {
	tests := []struct {
		in, out string
		prec    Precision
		bad     bool
	}{
		{"2019-04-24", "2019-04-24", Day, false},
		{"2017-11", "2017-11", Month, false},
		{"2025", "2025", Year, false},
		{"", "", None, false},
		{"2023-04-20T08:36:29Z", "2023-04-20", Day, false},
		{"2023-02-30", "", None, true},
		{"2023-13", "", None, true},
		{"yesterday", "", None, true},
	}
	for _, tt := range tests {
		d, err := Parse(tt.in)
		if (err != nil) != tt.bad {
			t.Errorf("Parse(%q) error = %v, want bad=%v", tt.in, err, tt.bad)
			continue
		}
		if tt.bad {
			continue
		}
		if d.String() != tt.out || d.Precision() != tt.prec {
			t.Errorf("Parse(%q) = %s (%v), want %s (%v)", tt.in, d, d.Precision(), tt.out, tt.prec)
		}
	}
}

func TestContains(t *testing.T) {
	tests := []struct {
		outer, inner string
		want         bool
	}{
		{"2017-11", "2017-11-09", true},
		{"2017", "2017-11-09", true},
		{"2017-11-09", "2017-11", false},
		{"2017-10", "2017-11-09", false},
		{"2017-11-09", "2017-11-09", true},
	}
	for _, tt := range tests {
		if got := MustParse(tt.outer).Contains(MustParse(tt.inner)); got != tt.want {
			t.Errorf("%s.Contains(%s) = %v, want %v", tt.outer, tt.inner, got, tt.want)
		}
	}
}

func TestRangeContains(t *testing.T) {
	r := Range{MustParse("2017-11-06"), MustParse("2017-11-12")}
	tests := []struct {
		in   string
		want bool
	}{
		{"2017-11-06", true},
		{"2017-11-12", true},
		{"2017-11-09", true},
		{"2017-11-05", false},
		{"2017-11-13", false},
		{"2017-11", false},
	}
	for _, tt := range tests {
		if got := r.Contains(MustParse(tt.in)); got != tt.want {
			t.Errorf("Range.Contains(%s) = %v, want %v", tt.in, got, tt.want)
		}
	}
	if !(Range{Start: MustParse("2017-11")}).Contains(MustParse("2017-11-03")) {
		t.Error("single-date range should use Start.Contains")
	}
}

func TestLastAndWeekday(t *testing.T) {
	if got := MustParse("2024-02").Last().String(); got != "2024-02-29" {
		t.Errorf("Last of 2024-02 = %s", got)
	}
	if got := MustParse("2019-04-24").Weekday().String(); got != "Wednesday" {
		t.Errorf("weekday = %s", got)
	}
}
