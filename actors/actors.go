// Package actors recognises who is named in a text: states, their capitals
// and seats of government used as metonymy, demonyms, international bodies
// and people, each resolved to a code (ISO 3166-1 alpha-3 or IGO:<ACRONYM>)
// as of a given date.
//
// Names, roles and their dates live in embedded data files; users may load
// their own files on top.
package actors

// Kind is what sort of name a mention is.
type Kind int

const (
	State   Kind = iota // "Russia", "the United States", "DPRK"
	Capital             // a capital or seat used for its government: "Beijing", "the Kremlin"
	Demonym             // "Russian", "North Korean"
	Person              // "Sergei Lavrov", "Kim"
	Body                // a state body: "Foreign Ministry", "State Department"
	IGO                 // an international organisation: "the UN", "SCO"
)

func (k Kind) String() string {
	return [...]string{"state", "capital", "demonym", "person", "body", "igo"}[k]
}

// Mention is one actor name found in a text.
type Mention struct {
	Start, End int    // byte offsets into the text passed to Find
	Text       string // as written
	Kind       Kind
	Code       string // "RUS", "IGO:SCO"
	Actor      string // canonical English name: "Sergei Lavrov", "Russia", "Foreign Ministry"
	Role       string // for people, the role held on the date: "foreign minister"; "" if none known
	Sector     string // PLOVER-style sector: "GOV", "MIL", "LEG", ... ("" if unknown)
}
