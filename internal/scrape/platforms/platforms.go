// Package platforms is the one list of the source types a build has: one
// line per type registers how the config reads its keys and how its
// adapter is made; importing it also registers the build's HTTP sender,
// colly (scrape/collysend).
package platforms

import (
	"fmt"
	"sort"
	"strings"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/scrape/ashby"
	"github.com/careers-watcher/careers-watcher/internal/scrape/bamboohr"
	_ "github.com/careers-watcher/careers-watcher/internal/scrape/collysend" // the watcher sends through colly
	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold"
	"github.com/careers-watcher/careers-watcher/internal/scrape/greenhouse"
	"github.com/careers-watcher/careers-watcher/internal/scrape/hrmdirect"
	htmlsel "github.com/careers-watcher/careers-watcher/internal/scrape/html"
	"github.com/careers-watcher/careers-watcher/internal/scrape/icims"
	"github.com/careers-watcher/careers-watcher/internal/scrape/jobvite"
	"github.com/careers-watcher/careers-watcher/internal/scrape/jsonld"
	"github.com/careers-watcher/careers-watcher/internal/scrape/lever"
	"github.com/careers-watcher/careers-watcher/internal/scrape/neogov"
	"github.com/careers-watcher/careers-watcher/internal/scrape/oracle"
	"github.com/careers-watcher/careers-watcher/internal/scrape/paylocity"
	"github.com/careers-watcher/careers-watcher/internal/scrape/personio"
	"github.com/careers-watcher/careers-watcher/internal/scrape/phenom"
	"github.com/careers-watcher/careers-watcher/internal/scrape/pinpoint"
	"github.com/careers-watcher/careers-watcher/internal/scrape/recruitee"
	"github.com/careers-watcher/careers-watcher/internal/scrape/rippling"
	"github.com/careers-watcher/careers-watcher/internal/scrape/smartrecruiters"
	"github.com/careers-watcher/careers-watcher/internal/scrape/teamtailor"
	"github.com/careers-watcher/careers-watcher/internal/scrape/workable"
	"github.com/careers-watcher/careers-watcher/internal/scrape/workday"
)

// List is the supported source types, in the order problems and docs
// list them. Adding a type is one package and one line here.
var List = []scrape.Platform{
	{Config: eightfold.Kind, New: scrape.Adapt(eightfold.New)},
	{Config: scrape.BoardKind("greenhouse"), New: scrape.Adapt(greenhouse.New)},
	{Config: scrape.BoardKind("lever"), New: scrape.Adapt(lever.New)},
	{Config: scrape.BoardKind("ashby"), New: scrape.Adapt(ashby.New)},
	{Config: workday.Kind, New: scrape.Adapt(workday.New)},
	{Config: scrape.BoardKind("smartrecruiters"), New: scrape.Adapt(smartrecruiters.New)},
	{Config: scrape.BoardKind("recruitee"), New: scrape.Adapt(recruitee.New)},
	{Config: scrape.BoardKind("workable"), New: scrape.Adapt(workable.New)},
	{Config: scrape.BoardKind("personio"), New: scrape.Adapt(personio.New)},
	{Config: teamtailor.Kind, New: scrape.Adapt(teamtailor.NewSource)},
	{Config: scrape.BoardKind("bamboohr"), New: scrape.Adapt(bamboohr.NewSource)},
	{Config: scrape.BoardKind("pinpoint"), New: scrape.Adapt(pinpoint.NewSource)},
	{Config: scrape.BoardKind("rippling"), New: scrape.Adapt(rippling.NewSource)},
	{Config: scrape.BoardKind("jobvite"), New: scrape.Adapt(jobvite.NewSource)},
	{Config: scrape.BoardKind("paylocity"), New: scrape.Adapt(paylocity.NewSource)},
	{Config: scrape.BoardKind("neogov"), New: scrape.Adapt(neogov.NewSource)},
	{Config: oracle.Kind, New: scrape.Adapt(oracle.NewSource)},
	{Config: icims.Kind, New: scrape.Adapt(icims.NewSource)},
	{Config: phenom.Kind, New: scrape.Adapt(phenom.NewSource)},
	{Config: hrmdirect.Kind, New: scrape.Adapt(hrmdirect.NewSource)},
	{Config: jsonld.Kind, New: scrape.Adapt(jsonld.New)},
	{Config: htmlsel.Kind, New: scrape.Adapt(htmlsel.New)},
	{Config: jsonld.KindOf("auto"), New: newAuto},
}

// Kinds are the config kinds of List, for config.Plugins.Sources.
func Kinds() []config.Kind {
	out := make([]config.Kind, len(List))
	for i, p := range List {
		out[i] = p.Config
	}
	return out
}

// Supported lists the source types this build can fetch, sorted.
func Supported() []string {
	out := make([]string, 0, len(List))
	for _, p := range List {
		out = append(out, p.Config.Type)
	}
	sort.Strings(out)
	return out
}

// New returns the adapter for src.
func New(src config.Source, c *scrape.Client) (scrape.Adapter, error) {
	for _, p := range List {
		if p.Config.Type == src.Type {
			return p.New(src, c)
		}
	}
	return nil, fmt.Errorf("source %q: type %q is not supported yet (supported: %s)", src.Name, src.Type, strings.Join(Supported(), ", "))
}
