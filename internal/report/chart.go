package report

import (
	"math"
	"strconv"
	"strings"
)

// Charts are computed here (geometry only) and drawn as inline SVG by the
// HTML template; every data item is one <g class="bar"> element.

// hchart is a horizontal bar chart: one row per item, bars made of one or
// more stacked segments.
type hchart struct {
	ID     string
	Title  string
	Width  int
	Height int
	LabelW int // width of the label column
	Rows   []hrow
	Legend []legend
	Ticks  []tick // vertical grid lines
	AxisY  int    // y of the axis labels
}

type hrow struct {
	Y      int
	Label  string // truncated
	Full   string // tooltip
	Segs   []seg
	ValueX float64
	Value  string
}

type seg struct {
	X, Y, W, H float64
	Class      string
	Title      string
}

type legend struct {
	X     int
	Class string
	Label string
}

type tick struct {
	X, Y   float64
	X2, Y2 float64
	Label  string
	LX, LY float64 // label position
}

// barRowH is the height of a row of a horizontal chart.
const barRowH = 24

// hchartOf draws items; each item has one value per series (stacked).
func hchartOf(id, title string, labels []string, values [][]int, series []legend, valueText func(i int) string) *hchart {
	if len(labels) == 0 {
		return nil
	}
	const width, labelW, right = 560, 190, 70
	top := 8
	if len(series) > 1 {
		top = 30
	}
	maxV := 0
	for _, vs := range values {
		sum := 0
		for _, v := range vs {
			sum += v
		}
		maxV = max(maxV, sum)
	}
	scaleMax := niceMax(maxV)
	plotW := float64(width - labelW - right)
	c := &hchart{ID: id, Title: title, Width: width, LabelW: labelW}
	for i, l := range labels {
		y := top + i*barRowH
		row := hrow{Y: y, Label: truncate(plain(l), 26), Full: plain(l)}
		x := float64(labelW)
		for j, v := range values[i] {
			if v == 0 {
				continue
			}
			w := plotW * float64(v) / float64(scaleMax)
			cls := "s0"
			name := ""
			if j < len(series) {
				cls, name = series[j].Class, series[j].Label
			}
			t := plain(l) + ": " + strconv.Itoa(v)
			if name != "" {
				t = plain(l) + ", " + name + ": " + strconv.Itoa(v)
			}
			row.Segs = append(row.Segs, seg{X: round1(x), Y: 4, W: round1(math.Max(w, 1)), H: barRowH - 8, Class: cls, Title: t})
			x += w
		}
		row.ValueX = round1(x + 6)
		row.Value = valueText(i)
		c.Rows = append(c.Rows, row)
	}
	bottom := top + len(labels)*barRowH
	for _, v := range ticks(scaleMax) {
		x := float64(labelW) + plotW*float64(v)/float64(scaleMax)
		c.Ticks = append(c.Ticks, tick{X: round1(x), Y: float64(top), X2: round1(x), Y2: float64(bottom), Label: strconv.Itoa(v), LX: round1(x), LY: float64(bottom + 14)})
	}
	c.Height = bottom + 22
	if len(series) > 1 {
		x := labelW
		for _, s := range series {
			c.Legend = append(c.Legend, legend{X: x, Class: s.Class, Label: s.Label})
			x += 24 + 8*len(s.Label) + 16
		}
	}
	return c
}

// vchart is a vertical grouped bar chart: one group per x label, one bar
// per series.
type vchart struct {
	ID     string
	Title  string
	Width  int
	Height int
	Groups []vgroup
	Ticks  []tick // horizontal grid lines
	Legend []legend
	Base   float64 // y of the x axis
	Left   int
	Right  int
}

type vgroup struct {
	Label  string
	Short  string // the label drawn
	Sub    string // second line of the label
	LX     float64
	LY     float64
	Show   bool
	Rects  []seg
	Values string // for the tooltip of the group
}

func vchartOf(id, title string, labels, subs []string, values [][]int, series []legend) *vchart {
	if len(labels) == 0 {
		return nil
	}
	const width, height, left, right, top, bottom = 1000, 260, 44, 12, 34, 40
	maxV := 0
	for _, vs := range values {
		for _, v := range vs {
			maxV = max(maxV, v)
		}
	}
	scaleMax := niceMax(maxV)
	plotW := float64(width - left - right)
	plotH := float64(height - top - bottom)
	base := float64(height - bottom)
	slot := plotW / float64(len(labels))
	nser := max(1, len(series))
	barW := math.Min(18, (slot*0.8)/float64(nser))
	every := int(math.Ceil(float64(len(labels)) * 52 / plotW)) // a label every ~52px
	c := &vchart{ID: id, Title: title, Width: width, Height: height, Base: base, Left: left, Right: width - right}
	for i, l := range labels {
		cx := float64(left) + slot*(float64(i)+0.5)
		g := vgroup{Label: plain(l), LX: round1(cx), LY: base + 16, Show: i%max(1, every) == 0}
		g.Short = g.Label
		if k := strings.Index(g.Label, "-W"); k >= 0 {
			g.Short = g.Label[k+1:]
		}
		if i < len(subs) {
			g.Sub = plain(subs[i])
		}
		x0 := cx - barW*float64(nser)/2
		for j, v := range values[i] {
			h := plotH * float64(v) / float64(scaleMax)
			cls, name := "s0", ""
			if j < len(series) {
				cls, name = series[j].Class, series[j].Label
			}
			if v > 0 && h < 1 {
				h = 1
			}
			g.Rects = append(g.Rects, seg{X: round1(x0 + barW*float64(j)), Y: round1(base - h), W: round1(barW - 1), H: round1(h), Class: cls,
				Title: plain(l) + ", " + name + ": " + strconv.Itoa(v)})
		}
		c.Groups = append(c.Groups, g)
	}
	for _, v := range ticks(scaleMax) {
		y := base - plotH*float64(v)/float64(scaleMax)
		c.Ticks = append(c.Ticks, tick{X: float64(left), Y: round1(y), X2: float64(width - right), Y2: round1(y), Label: strconv.Itoa(v), LX: float64(left - 6), LY: round1(y + 4)})
	}
	x := left
	for _, s := range series {
		c.Legend = append(c.Legend, legend{X: x, Class: s.Class, Label: s.Label})
		x += 24 + 8*len(s.Label) + 16
	}
	return c
}

// niceMax rounds v up to 1, 2 or 5 times a power of ten (at least 1).
func niceMax(v int) int {
	if v <= 1 {
		return 1
	}
	p := 1
	for p*10 < v {
		p *= 10
	}
	for _, m := range []int{1, 2, 5, 10} {
		if m*p >= v {
			return m * p
		}
	}
	return 10 * p
}

// ticks are 0..maxV in at most 5 equal integer steps of 1, 2 or 5 times a
// power of ten.
func ticks(maxV int) []int {
	step := 1
	for m := 0; maxV/step > 5 || maxV%step != 0; m++ {
		step = []int{1, 2, 5}[m%3] * pow10(m/3)
		if step > maxV {
			step = maxV
			break
		}
	}
	var out []int
	for v := 0; v <= maxV; v += step {
		out = append(out, v)
	}
	return out
}

func pow10(n int) int {
	p := 1
	for range n {
		p *= 10
	}
	return p
}

func round1(f float64) float64 { return math.Round(f*10) / 10 }
