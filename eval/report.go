package eval

import (
	"fmt"
	"io"
	"sort"
	"text/tabwriter"
)

// WriteText writes the report for a person: precision, recall and F1 over
// all types and for CONSULT, a per-type table, date accuracy and cluster
// agreement. Misses are not written; see WriteMisses.
func (r Report) WriteText(w io.Writer) {
	fmt.Fprintf(w, "all types  P %.3f  R %.3f  F1 %.3f   (TP %d  FP %d  FN %d)\n",
		r.All.Precision, r.All.Recall, r.All.F1, r.All.TP, r.All.FP, r.All.FN)
	fmt.Fprintf(w, "CONSULT    P %.3f  R %.3f  F1 %.3f   (TP %d  FP %d  FN %d)\n",
		r.Consult.Precision, r.Consult.Recall, r.Consult.F1, r.Consult.TP, r.Consult.FP, r.Consult.FN)
	fmt.Fprintln(w)

	types := make([]string, 0, len(r.ByType))
	for t := range r.ByType {
		types = append(types, t)
	}
	sort.Strings(types)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "type\tTP\tFP\tFN\tP\tR\tF1\t")
	for _, t := range types {
		p := r.ByType[t]
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t\n", t, p.TP, p.FP, p.FN, p.Precision, p.Recall, p.F1)
	}
	tw.Flush()
	fmt.Fprintln(w)

	fmt.Fprintf(w, "date accuracy      %.3f   (%d of %d rows matched on type and pair)\n",
		r.DateAccuracy, r.DateCorrect, r.DateMatched)
	fmt.Fprintf(w, "confidence > 0.5   %.3f right   (%d of %d predictions)\n",
		r.AboveHalf.Precision, r.AboveHalf.TP, r.AboveHalf.TP+r.AboveHalf.FP)
	c := r.Cluster
	fmt.Fprintf(w, "cluster agreement  P %.3f  R %.3f  F1 %.3f   (%d cross-doc pairs: %d same in gold, %d same in predictions, %d both)\n",
		c.Precision, c.Recall, c.F1, c.Pairs, c.GoldSame, c.PredSame, c.Both)
}

// WriteMisses writes one line per unmatched row: document, side, type, pair,
// date and evidence.
func (r Report) WriteMisses(w io.Writer) {
	for _, m := range r.Misses {
		e := m.Event
		date := e.Date
		if e.EndDate != "" {
			date += ".." + e.EndDate
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s->%s\t%s\t%s\t%q\n", m.Doc, m.Side, e.Type, e.Source, e.Target, date, e.Status, e.Evidence)
	}
}

// WriteCalibration writes the confidence bins: how many predictions fell in
// each and what share of them matched a gold row.
func (r Report) WriteCalibration(w io.Writer) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "confidence\tpredictions\tright\tshare right\t")
	for _, b := range r.Calibration {
		if b.N == 0 {
			continue
		}
		fmt.Fprintf(tw, "%.1f-%.1f\t%d\t%d\t%.3f\t\n", b.Lo, b.Hi, b.N, b.Right, b.Precision)
	}
	tw.Flush()
}
