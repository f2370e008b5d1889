package cli

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/normalize"
	"github.com/careers-watcher/careers-watcher/internal/serve"
)

// newPostingsCmd is `watcher postings [--source NAME] [--role R] [--level L]
// [--skill S] [--location L] [--min-pay N] [--json]`.
func newPostingsCmd() *cobra.Command {
	var (
		f       configFlags
		q       serve.Query
		sources []string
		asJSON  bool
	)
	cmd := &cobra.Command{
		Use:   "postings [-c FILE] [--source NAME ...] [--title WORDS] [--role R ...] [--level L ...] [--skill S ...] [--location L ...] [--min-pay N [--currency C]] [--sort KEY] [--json]",
		Short: "list and search the open postings (the notifiers' filter language)",
		Long: `Lists the open postings of the snapshot folder (nothing is fetched), filtered the way a
notifier's filter routes events: each repeated flag is "any of", the flags together
"all of". --role matches whole words of the role family ("Machine Learning"), --level
takes "L5", "L5+", "L4-L6" or a word such as Senior, --skill a required or preferred
skill, --location a city, region, country code or "remote", --min-pay the largest range
maximum made yearly, in --currency (default USD).

The notifiers and serve sections of the config are not read, so their ${VARS} need not be set.

Exit codes: 0 printed; 1 the snapshot folder could not be read; 2 bad usage or invalid config.`,
		Example: `  watcher postings --role "Machine Learning" --level L5+ --skill PyTorch
  watcher postings --source netflix-data-insights --location remote --json | jq '.[].title'`,
		Args: noArgs,
		RunE: maskedRun(func(cmd *cobra.Command, _ []string) error {
			if _, err := q.Check(); err != nil {
				return usageFail(cmd, cmd.ErrOrStderr(), "%s", queryFlagMessage(err))
			}
			for _, l := range q.Levels {
				if msg := levelMistake(l); msg != "" {
					return usageFail(cmd, cmd.ErrOrStderr(), "--level %q: %s", l, msg)
				}
			}
			if cmd.Flags().Changed("currency") && !cmd.Flags().Changed("min-pay") {
				// the currency is --min-pay's: alone it would filter nothing
				return usageFail(cmd, cmd.ErrOrStderr(), "--currency %q: it is the currency of --min-pay, which is not given", q.Currency)
			}
			var configured []serve.SourceConfig
			var postingsOf func(string) ([]model.Posting, error)
			if db, cfg, err := openDatabase(cmd, f.path); err != nil {
				return err
			} else if db != nil {
				defer db.Close()
				configured, postingsOf = dbListing(db, cfg)
			} else {
				folder, err := openFolder(cmd, f.path)
				if err != nil {
					return err
				}
				configured, postingsOf = folder.Sources, folder.Postings
			}
			for _, s := range sources {
				if !slices.ContainsFunc(configured, func(c serve.SourceConfig) bool { return c.Name == s }) {
					var names []string
					for _, c := range configured {
						names = append(names, c.Name)
					}
					return usageFail(cmd, cmd.ErrOrStderr(), "%s", noSuchSource("--source ", s, names))
				}
			}
			// Without --sort the listing goes source by source (config
			// order), each by id; with it, it is one listing in that order.
			var out, all []model.Posting
			selectAll := func(ps []model.Posting) error {
				q.PerPage = 500
				q.Page = 1
				for {
					page, err := q.Select(ps)
					if err != nil {
						return err
					}
					out = append(out, page.Postings...)
					if page.Page >= page.Pages {
						return nil
					}
					q.Page++
				}
			}
			for _, s := range configured {
				if len(sources) > 0 && !hasName(sources, s.Name) {
					continue
				}
				ps, err := postingsOf(s.Name)
				if err != nil {
					return fail(cmd, ExitFailed, "%v", err)
				}
				if q.Sort != "" {
					all = append(all, ps...)
					continue
				}
				if err := selectAll(ps); err != nil {
					return usageFail(cmd, cmd.ErrOrStderr(), "%s", queryFlagMessage(err))
				}
			}
			if q.Sort != "" {
				if err := selectAll(all); err != nil {
					return usageFail(cmd, cmd.ErrOrStderr(), "%s", queryFlagMessage(err))
				}
			}
			if out == nil {
				out = []model.Posting{}
			}
			if asJSON {
				return writeJSON(cmd, out)
			}
			tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "SOURCE\tID\tTITLE\tROLE\tLEVEL\tLOCATION\tPAY\tREQUIRED SKILLS")
			for _, p := range out {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", oneLine(p.Source), oneLine(p.ID), oneLine(p.Title), dash(oneLine(p.Role)),
					dash(oneLine(strings.Join(p.Levels, ","))), dash(oneLine(serve.LocationText(p.Locations))), dash(oneLine(serve.PayText(p.Salary))),
					dash(oneLine(strings.Join(p.Skills.Required, ", "))))
			}
			tw.Flush()
			if len(out) == 0 {
				// an empty table says nothing of why: a hint on stderr
				// (stdout stays the table, for scripts)
				fmt.Fprintln(cmd.ErrOrStderr(), "no open postings match; `watcher status` shows each source's last run and health")
			}
			return nil
		}),
	}
	f.addConfig(cmd)
	fl := cmd.Flags()
	fl.StringArrayVar(&sources, "source", nil, "only this source (repeatable)")
	fl.StringVar(&q.Title, "title", "", "words the title contains")
	fl.StringArrayVar(&q.Roles, "role", nil, "role family words, e.g. \"Machine Learning\" (repeatable: any of)")
	fl.StringArrayVar(&q.Levels, "level", nil, "L5, L5+, L4-L6 or a word such as Senior (repeatable: any of)")
	fl.StringArrayVar(&q.Skills, "skill", nil, "a required or preferred skill (repeatable: any of)")
	fl.StringArrayVar(&q.Location, "location", nil, "city, region, country code or remote (repeatable: any of)")
	fl.Var(payFlag{&q.MinPay}, "min-pay", "largest range maximum, made yearly, at least this much")
	fl.StringVar(&q.Currency, "currency", "", "currency of --min-pay (default USD)")
	fl.StringVar(&q.Sort, "sort", "", "id, title, role, level, location, posted or pay; a leading - sorts descending")
	fl.BoolVar(&asJSON, "json", false, "print a JSON array of postings (the snapshot format)")
	_ = cmd.RegisterFlagCompletionFunc("source", configNames(&f, sourceNames))
	return cmd
}

// payFlag is --min-pay: a number as serve.ParseMinPay reads the API's
// min_pay (NaN, Inf, 1_000 and hexadecimal are not numbers); its Type
// says "a number" in flagError's words.
type payFlag struct{ v *float64 }

func (p payFlag) String() string {
	if p.v == nil {
		return "0"
	}
	return strconv.FormatFloat(*p.v, 'f', -1, 64)
}

func (p payFlag) Set(s string) error {
	x, err := serve.ParseMinPay(s)
	if err != nil {
		return err
	}
	*p.v = x
	return nil
}

func (p payFlag) Type() string { return "float64" }

func hasName(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// queryFlagMessage words a query's problems with the flags they came from:
// the serve and filter packages name the API's parameters and the filter's
// keys (sort "x": ..., min_pay: ..., filter: levels[0]: ...), one line each.
func queryFlagMessage(err error) string {
	lines := strings.Split(err.Error(), "\n")
	for i, l := range lines {
		if m := queryKeyRE.FindStringSubmatch(l); m != nil {
			lines[i] = queryFlags[m[1]] + l[len(m[0]):]
		}
	}
	return strings.Join(lines, "\n")
}

// queryKeyRE matches the key a query's problem starts with.
var queryKeyRE = regexp.MustCompile(`^(?:filter: )?(sort|min_pay|title|roles|levels|locations|skills_any|min_pay_currency)(?:\[\d+\])?:? `)

// queryFlags are postings' flags by the query key they set.
var queryFlags = map[string]string{
	"sort": "--sort ", "min_pay": "--min-pay: ", "title": "--title: ", "roles": "--role: ", "levels": "--level: ",
	"locations": "--location: ", "skills_any": "--skill: ", "min_pay_currency": "--currency: ",
}

// levelForm is a --level of L numbers: L5, L5+, L4-L6 (as the filter
// reads them; a range the wrong way round is the filter's mistake).
var levelForm = regexp.MustCompile(`(?i)^l(\d{1,2})\s*(\+|-\s*l?(\d{1,2}))?$`)

// levelMistake says why no posting can have level l ("" when one can):
// postings' levels are what normalize.Levels gives, L3 to L8 or a
// seniority word, so an L range outside L3-L8 or another word (a typo,
// "Sr" for Senior) would list nothing and look like "no postings"
// (review s20 F14).
func levelMistake(l string) string {
	const what = "not a level (L3 to L8, L5+, L4-L6, or a seniority word such as Senior or Staff)"
	l = strings.Join(strings.Fields(l), " ")
	if m := levelForm.FindStringSubmatch(l); m != nil {
		lo, _ := strconv.Atoi(m[1])
		hi := lo
		switch {
		case m[2] == "+":
			hi = 99
		case m[3] != "":
			hi, _ = strconv.Atoi(m[3])
		}
		if hi < 3 || lo > 8 {
			return what
		}
		return ""
	}
	// a title of this word alone: the word when it is a seniority word
	got := normalize.Levels("Engineer " + l)
	if len(got) == 1 && strings.EqualFold(got[0], l) {
		return ""
	}
	if len(got) == 1 {
		return fmt.Sprintf("not a level (did you mean %q?)", got[0])
	}
	return what
}
