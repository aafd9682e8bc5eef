package pipeline

import (
	"errors"
	"testing"

	"parley/ingest"
)

// FuzzProcess runs arbitrary text through every stage: no stage may fail
// unexpectedly, and every event's span must hold its evidence.
func FuzzProcess(f *testing.F) {
	f.Add("Updated: 2024-03-14\n\nJapanese Foreign Minister Yoko Kamikawa held talks with her South Korean counterpart in Seoul on Wednesday.\n")
	f.Add("Kim and Putin will meet on Thursday. The two sides agreed to work together, he said.\n")
	f.Add("\u201cThe sanctions are genocide,\u201d the ministry said. Beijing urged Washington to stop.\n")
	f.Fuzz(func(t *testing.T, s string) {
		res, err := Default().Process(ingest.Document{ID: "f", Raw: []byte(s)})
		if err != nil {
			if errorsIsInternal(err) {
				t.Fatalf("internal error on %q: %v", s, err)
			}
			return
		}
		for _, e := range res.Events {
			if e.Span[0] < 0 || e.Span[1] > len(s) || s[e.Span[0]:e.Span[1]] != e.Evidence {
				t.Fatalf("span %v does not hold %q", e.Span, e.Evidence)
			}
		}
	})
}

func errorsIsInternal(err error) bool { return err != nil && errors.Is(err, ErrInternal) }
