package actors

import (
	"runtime"
	"strings"
	"testing"
	"time"

	"parley/caldate"
)

// benchSentences are made-up news sentences with the usual density of
// names, titles and filler.
var benchSentences = []string{
	"Russian President Vladimir Putin held talks with North Korean leader Kim Jong Un in Vladivostok on Thursday, the Kremlin said.",
	"China's foreign ministry spokesman Geng Shuang told a regular briefing in Beijing that the two sides should keep calm and show restraint.",
	"U.S. Secretary of State Mike Pompeo said Washington would keep sanctions in place until Pyongyang takes concrete steps.",
	"The meeting came as trade talks between the world's two largest economies stalled over tariffs on steel, soybeans and electronics.",
	"Japanese Prime Minister Shinzo Abe and South Korean President Moon Jae-in spoke by phone about the missile launch.",
	"Analysts said the summit was largely symbolic, and markets in Tokyo, Seoul and Shanghai barely moved after the news broke.",
	"The U.N. Security Council is expected to meet next week at the request of Britain, France and the United States.",
	"Officials from the Shanghai Cooperation Organization gathered in Bishkek to discuss regional security and counter-terrorism.",
	"Iranian Foreign Minister Mohammad Javad Zarif accused Saudi Arabia of fuelling the war in Yemen, a charge Riyadh denied.",
	"The weather was mild for the season and crowds filled the streets near the river to watch the fireworks late into the night.",
	"Indian Prime Minister Narendra Modi will visit Hanoi later this month, the Vietnamese government said in a statement.",
	"A spokesperson for the Ministry of National Defense said the drills were routine and not aimed at any third party.",
}

func benchText(size int) string {
	var b strings.Builder
	for i := 0; b.Len() < size; i++ {
		b.WriteString(benchSentences[i%len(benchSentences)])
		if i%5 == 4 {
			b.WriteString("\n\n")
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// BenchmarkFind measures throughput on about 1 MB of text, split into
// 4 KB documents as the pipeline would see them.
func BenchmarkFind(b *testing.B) {
	d := Default()
	text := benchText(1 << 20)
	var docs []string
	for len(text) > 0 {
		n := min(4096, len(text))
		for n < len(text) && text[n-1] != ' ' {
			n++
		}
		docs = append(docs, text[:n])
		text = text[n:]
	}
	date := caldate.MustParse("2019-04-25")
	b.SetBytes(1 << 20)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, doc := range docs {
			d.Document(date).Find(doc)
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		bl := NewBuilder()
		if err := bl.AddDefault(); err != nil {
			b.Fatal(err)
		}
		if _, err := bl.Build(); err != nil {
			b.Fatal(err)
		}
	}
}

// TestBenchText makes sure the benchmark text actually exercises the
// matcher.
func TestBenchText(t *testing.T) {
	got := Default().Document(caldate.MustParse("2019-04-25")).Find(benchText(2000))
	if len(got) < 30 {
		t.Errorf("only %d mentions in benchmark text: %s", len(got), dump(got))
	}
}

// TestLoadCost reports the time and heap the full dictionary takes to build
// (go test -v -run LoadCost); it fails only if building takes absurdly long.
func TestLoadCost(t *testing.T) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	b := NewBuilder()
	if err := b.AddDefault(); err != nil {
		t.Fatal(err)
	}
	d, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	runtime.GC()
	runtime.ReadMemStats(&after)
	s := d.Stats()
	t.Logf("load %v, heap %.1f MB; %d people, %d terms, %d phrases, %d trie nodes", took,
		float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), s.People, s.Terms, s.Phrases, s.Nodes)
	runtime.KeepAlive(d)
	if took > 5*time.Second {
		t.Errorf("building the dictionary took %v", took)
	}
}
