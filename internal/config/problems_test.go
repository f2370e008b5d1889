package config_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
)

// problemTests are configs with problems and the exact lines `watcher
// validate` prints for them. They also seed FuzzParse.
var problemTests = []struct {
	name string
	yaml string
	env  map[string]string
	want []string
}{
	{"empty file", "", nil, []string{
		"config.yaml:1: the config is empty: expected a mapping with keys such as sources and notifiers"}},
	{"only comments", "# nothing here\n\n", nil, []string{
		"config.yaml:1: the config is empty: expected a mapping with keys such as sources and notifiers"}},
	{"null document", "---\n~\n", nil, []string{
		"config.yaml:1: the config is empty: expected a mapping with keys such as sources and notifiers"}},
	{"top level list", "- name: a\n  type: html\n", nil, []string{
		"config.yaml:1: the top level must be a mapping with keys such as sources and notifiers, not a list"}},
	{"top level scalar", "hello\n", nil, []string{
		"config.yaml:1: the top level must be a mapping with keys such as sources and notifiers, not a single value"}},
	{"syntax error", "sources:\n  - name: a\n    type: html\n  bad\n", nil, []string{
		"config.yaml:4: invalid YAML: could not find expected ':'"}},
	{"bad indentation", "snapshots: x\n sources: []\n", nil, []string{
		"config.yaml:2: invalid YAML: mapping values are not allowed in this context (check the indentation of line 2)"}},
	{"bad indentation deep in a list", "snapshots: x\nsources:\n  - name: a\n    type: lever\n    board: a\n   url: https://x\n", nil, []string{
		"config.yaml:6: invalid YAML: did not find expected '-' indicator (while parsing a block collection from line 3; check the indentation of line 6)"}},
	{"unclosed quote", "snapshots: x\nsources:\n  - name: \"a\n    type: lever\n", nil, []string{
		"config.yaml:3: invalid YAML: found unexpected end of stream"}},
	{"unclosed bracket", "sources:\n  - name: a\n    teams: [x\nnotifiers: []\n", nil, []string{
		"config.yaml:3: invalid YAML: did not find expected ',' or ']'"}},
	{"unclosed flow", "sources: [\n", nil, []string{
		"config.yaml:1: invalid YAML: did not find expected node content"}},
	{"tab indentation", "sources:\n\t- name: a\n", nil, []string{
		"config.yaml:2: invalid YAML: found character that cannot start any token (YAML does not allow tabs for indentation)"}},
	{"two documents", minimal + "---\nsources: []\n", nil, []string{
		"config.yaml:3: only one YAML document is allowed (remove the second ---)"}},
	{"no sources key", "schedule: '@daily'\n", nil, []string{
		"config.yaml:1: sources: at least one source is required"}},
	{"empty sources", "schedule: '@daily'\nsources: []\n", nil, []string{
		"config.yaml:2: sources: at least one source is required"}},
	{"null sources", "sources:\n", nil, []string{
		"config.yaml:1: sources: at least one source is required"}},
	{"unknown top key with suggestion", "snapshot: x\n" + minimal, nil, []string{
		"config.yaml:1: snapshot: unknown key (did you mean snapshots?)"}},
	{"unknown top key", "database: pg\n" + minimal, nil, []string{
		"config.yaml:1: database: unknown key (known keys: snapshots, schedule, jitter, git, http, taxonomy, sources, notifiers, guard, outbox, serve, store, database_url)"}},
	{"keys are not expanded", "${A}: x\n" + minimal, map[string]string{"A": "schedule"}, []string{
		"config.yaml:1: ${A}: unknown key (known keys: snapshots, schedule, jitter, git, http, taxonomy, sources, notifiers, guard, outbox, serve, store, database_url)"}},
	{"duplicate key", "schedule: '@daily'\nschedule: '@hourly'\n" + minimal, nil, []string{
		"config.yaml:2: schedule: duplicate key (first at line 1)"}},
	{"non-string key", "[a]: b\n" + minimal, nil, []string{
		"config.yaml:1: keys must be plain strings, not a list"}},
	{"http hosts", "http:\n  hosts:\n    https://boards-api.greenhouse.io: {delay: 1s}\n    api.lever.co: {concurrency: 0, delay: fast}\n    jobs.example.com: {parallel: 2}\n    x.example.com: 4\n    'y.example.com:99999': {concurrency: 2}\n    API.LEVER.CO: {concurrency: 65}\n" + minimal, nil, []string{
		"config.yaml:3: http.hosts.https://boards-api.greenhouse.io: must be a host name such as boards-api.greenhouse.io, optionally with a port (host:8080); no scheme or path",
		"config.yaml:4: http.hosts.api.lever.co.concurrency: must be from 1 to 64 (requests in flight to the host)",
		"config.yaml:4: http.hosts.api.lever.co.delay: must be a duration such as 30s, 1m or 1h30m",
		"config.yaml:5: http.hosts.jobs.example.com.parallel: unknown key (known keys: delay, concurrency)",
		"config.yaml:6: http.hosts.x.example.com: must be a mapping with delay and concurrency, not a single value",
		"config.yaml:7: http.hosts.y.example.com:99999: port must be from 1 to 65535",
		"config.yaml:8: http.hosts.API.LEVER.CO: duplicate host (first at line 4)"}},
	{"http hosts not a mapping", "http: {hosts: [a]}\n" + minimal, nil, []string{
		"config.yaml:1: http.hosts: must be a mapping with host names such as boards-api.greenhouse.io, not a list"}},
	{"jitter", "jitter: -1s\n" + minimal, nil, []string{
		"config.yaml:1: jitter: must be a duration of 0 or more such as 0, 30s or 10m"}},
	{"section types", "git: [true]\nhttp: on\ntaxonomy: {skills: x}\nsources: {name: a}\nnotifiers: x\n", nil, []string{
		"config.yaml:1: git: must be a mapping with commit, author, repository and push, not a list",
		"config.yaml:2: http: must be a mapping with user_agent, timeout, source_budget, per_host_delay, max_body, robots, retries, allow_private and hosts, not a single value",
		"config.yaml:3: taxonomy.skills: must be a list, not a single value",
		"config.yaml:4: sources: must be a list, not a mapping",
		"config.yaml:4: sources: at least one source is required",
		"config.yaml:5: notifiers: must be a list, not a single value"}},
	{"snapshots and schedule", "snapshots: ''\nschedule: 61 * * * *\n" + minimal, nil, []string{
		"config.yaml:1: snapshots: must not be empty",
		`config.yaml:2: schedule: must be a cron spec such as "0 */6 * * *", "@every 6h" or "CRON_TZ=Europe/Warsaw 0 9 * * 1-5": end of range (61) above maximum (59): 61`}},
	{"snapshots not a string", "snapshots: [a]\n" + minimal, nil, []string{
		"config.yaml:1: snapshots: must be a string, not a list"}},
	{"git", "git:\n  commit: yes\n  author: nobody\n  sign: true\n" + minimal, nil, []string{
		"config.yaml:2: git.commit: must be true or false",
		`config.yaml:3: git.author: must be "Name <email>" such as "careers-watcher <watcher@localhost>"`,
		"config.yaml:4: git.sign: unknown key (known keys: commit, author, repository, push)"}},
	{"git.push", "git:\n  push:\n    remote: git@example.com:me/snaps.git\n    token: abcdefghijklmnop\n    retries: 0\n    force: true\n" + minimal, nil, []string{
		"config.yaml:3: git.push.token: needs an https:// remote URL",
		"config.yaml:5: git.push.retries: must be between 1 and 10 (total attempts of a push)",
		"config.yaml:6: git.push.force: unknown key (known keys: remote, branch, username, token, ssh_key, retries)"}},
	{"git.push without remote", "git:\n  push:\n    branch: main\n" + minimal, nil, []string{
		"config.yaml:3: git.push.remote: is required (a remote name such as origin, or a URL)"}},
	{"http", "http:\n  timeout: 30\n  per_host_delay: 0s\n  max_body: 10XB\n  retries: 11\n  robot: true\n  user_agent: ''\n" + minimal, nil, []string{
		"config.yaml:2: http.timeout: must be a duration such as 30s, 1m or 1h30m",
		"config.yaml:3: http.per_host_delay: must be greater than 0",
		"config.yaml:4: http.max_body: must be a size such as 10MB, 512KB, 1GB or a number of bytes (units are binary: 1KB = 1024 bytes)",
		"config.yaml:5: http.retries: must be between 1 and 10 (total attempts per request)",
		"config.yaml:6: http.robot: unknown key (did you mean robots?)",
		"config.yaml:7: http.user_agent: must not be empty"}},
	{"http more", "http:\n  timeout: -5s\n  max_body: 0\n  retries: 0\n  robots: 1\n  per_host_delay: [1s]\n" + minimal, nil, []string{
		"config.yaml:2: http.timeout: must be greater than 0",
		"config.yaml:3: http.max_body: must be greater than 0",
		"config.yaml:4: http.retries: must be between 1 and 10 (total attempts per request)",
		"config.yaml:5: http.robots: must be true or false",
		"config.yaml:6: http.per_host_delay: must be a string, not a list"}},
	{"source budget", "http:\n  source_budget: 0s\n  source_budget_: 1m\n" + minimal, nil, []string{
		"config.yaml:2: http.source_budget: must be greater than 0",
		"config.yaml:3: http.source_budget_: unknown key (did you mean source_budget?)"}},
	{"retries not a number", "http: {retries: many}\n" + minimal, nil, []string{
		"config.yaml:1: http.retries: must be a whole number"}},
	{"taxonomy", "taxonomy:\n  skills:\n    - name: Go\n    - name: go\n    - category: x\n    - Rust\n    - {name: Zig, alias: [z]}\n  extra: 1\n" + minimal, nil, []string{
		`config.yaml:4: taxonomy.skills[1].name: duplicate skill "go" (first at line 3)`,
		"config.yaml:5: taxonomy.skills[2].name: is required",
		"config.yaml:6: taxonomy.skills[3]: must be a mapping with name, category and aliases, not a single value",
		"config.yaml:7: taxonomy.skills[4].alias: unknown key (did you mean aliases?)",
		"config.yaml:8: taxonomy.extra: unknown key (known keys: skills)"}},
	{"source names", "sources:\n  - {name: Netflix, type: jsonld, url: 'https://a.example'}\n  - {type: jsonld, url: 'https://a.example'}\n" +
		"  - {name: dup, type: jsonld, url: 'https://a.example'}\n  - {name: dup, type: jsonld, url: 'https://b.example'}\n" +
		"  - {name: " + strings.Repeat("a", 65) + ", type: jsonld, url: 'https://a.example'}\n  - {name: '', type: jsonld, url: 'https://a.example'}\n", nil, []string{
		`config.yaml:2: sources[0].name: invalid name "Netflix": use lowercase letters, digits and hyphens, starting with a letter or digit, at most 64 characters`,
		"config.yaml:3: sources[1].name: is required",
		`config.yaml:5: sources[3].name: duplicate source name "dup" (first at line 4)`,
		`config.yaml:6: sources[4].name: invalid name "` + strings.Repeat("a", 65) + `": use lowercase letters, digits and hyphens, starting with a letter or digit, at most 64 characters`,
		"config.yaml:7: sources[5].name: is required"}},
	{"source types", "sources:\n  - {name: a, url: 'https://a.example'}\n  - {name: b, type: greenhous, board: b}\n  - {name: c, type: [html]}\n", nil, []string{
		"config.yaml:2: sources[0].type: is required (one of eightfold, greenhouse, lever, ashby, workday, smartrecruiters, recruitee, workable, personio, teamtailor, bamboohr, pinpoint, rippling, jobvite, paylocity, neogov, oracle, icims, phenom, hrmdirect, jsonld, html, auto)",
		`config.yaml:3: sources[1].type: unknown source type "greenhous" (supported: eightfold, greenhouse, lever, ashby, workday, smartrecruiters, recruitee, workable, personio, teamtailor, bamboohr, pinpoint, rippling, jobvite, paylocity, neogov, oracle, icims, phenom, hrmdirect, jsonld, html, auto)`,
		"config.yaml:4: sources[2].type: must be a string, not a list"}},
	{"source required keys", "sources:\n  - {name: e, type: eightfold, teams: [x]}\n  - {name: g, type: greenhouse, url: 'https://g.example'}\n" +
		"  - {name: w, type: workday, site: External}\n  - {name: j, type: jsonld}\n  - {name: a, type: auto, url: ''}\n", nil, []string{
		"config.yaml:2: sources[0].url: is required for type eightfold",
		"config.yaml:2: sources[0].domain: is required for type eightfold",
		"config.yaml:3: sources[1].board: is required for type greenhouse",
		"config.yaml:4: sources[2].url: is required for type workday",
		"config.yaml:4: sources[2].tenant: is required for type workday",
		"config.yaml:5: sources[3].url: is required for type jsonld",
		"config.yaml:6: sources[4].url: is required for type auto"}},
	{"source keys not used by type", "sources:\n  - name: g\n    type: greenhouse\n    board: g\n    tenant: x\n    teams: [a]\n  - name: h\n    type: jsonld\n    url: 'https://h.example'\n    domain: h.example\n", nil, []string{
		"config.yaml:5: sources[0].tenant: is not used by type greenhouse",
		"config.yaml:6: sources[0].teams: is not used by type greenhouse",
		"config.yaml:10: sources[1].domain: is not used by type jsonld"}},
	{"source unknown key", "sources:\n  - name: w\n    type: workday\n    url: 'https://w.example'\n    tenat: w\n    site: s\n", nil, []string{
		"config.yaml:2: sources[0].tenant: is required for type workday",
		"config.yaml:5: sources[0].tenat: unknown key (did you mean tenant?)"}},
	{"source values", "sources:\n  - {name: a, type: jsonld, url: 'ftp://a.example'}\n  - {name: b, type: jsonld, url: /jobs}\n  - {name: c, type: jsonld, url: 'https://user:pw@c.example'}\n" +
		"  - {name: d, type: eightfold, url: 'https://d.example', domain: 'https://d.example'}\n  - {name: e, type: lever, board: 'a/b'}\n" +
		"  - {name: f, type: lever, board: f, schedule: 'CRON_TZ=Nowhere/City 0 * * * *'}\n  - {name: g, type: lever, board: g, teams: ['']}\n" +
		"  - {name: h, type: jsonld, url: 'https://h.example', teams: x}\n  - 42\n", nil, []string{
		"config.yaml:2: sources[0].url: must be an http or https URL",
		"config.yaml:3: sources[1].url: must be an http or https URL",
		"config.yaml:4: sources[2].url: must not contain a user or password",
		"config.yaml:5: sources[3].domain: must be a domain name such as netflix.com (no scheme or path)",
		"config.yaml:6: sources[4].board: must be the board's slug (no spaces, slashes, ? or #)",
		`config.yaml:7: sources[5].schedule: must be a cron spec such as "0 */6 * * *", "@every 6h" or "CRON_TZ=Europe/Warsaw 0 9 * * 1-5": provided bad location Nowhere/City: unknown time zone Nowhere/City`,
		"config.yaml:8: sources[6].teams[0]: must not be empty",
		"config.yaml:9: sources[7].teams: must be a list such as [a, b], not a single value",
		"config.yaml:10: sources[8]: must be a mapping with keys such as name and type, not a single value"}},
	{"notifiers", minimal + "notifiers:\n  - {name: Console, type: stdout}\n  - {name: s, type: slak, url: 'https://hooks.slack.com/x'}\n" +
		"  - {type: stdout}\n  - {name: s2, type: stdout, url: 'https://x.example', secret: " + testSecret + "}\n" +
		"  - {name: w, type: webhook}\n  - {name: w2, type: webhook, url: 'mailto:a@b.example'}\n  - {name: w2, type: webhook, url: 'https://x.example', retry: 3}\n", nil, []string{
		`config.yaml:4: notifiers[0].name: invalid name "Console": use lowercase letters, digits and hyphens, starting with a letter or digit, at most 64 characters`,
		`config.yaml:5: notifiers[1].type: unknown notifier type "slak" (supported: stdout, webhook, slack, discord, teams, email)`,
		"config.yaml:6: notifiers[2].name: is required",
		"config.yaml:7: notifiers[3].secret: is not used by type stdout",
		"config.yaml:7: notifiers[3].url: is not used by type stdout",
		"config.yaml:8: notifiers[4].url: is required for type webhook",
		"config.yaml:9: notifiers[5].url: must be an http or https URL",
		"config.yaml:10: notifiers[6].retry: unknown key (known keys: name, type, sources, events, filter, url, secret, headers, template, history_url, username, host, port, tls, password, auth, from, to, subject, html_template, timeout)",
		`config.yaml:10: notifiers[6].name: duplicate notifier name "w2" (first at line 9)`}},
	{"notifier secrets", minimal + "notifiers:\n  - {name: a, type: webhook, url: 'https://x.example', secret: MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw}\n" +
		"  - {name: b, type: webhook, url: 'https://x.example', secret: 'whsec_not base64!'}\n" +
		"  - {name: c, type: webhook, url: 'https://x.example', secret: whsec_AAAAAAAAAAA=}\n", nil, []string{
		`config.yaml:4: notifiers[0].secret: must be "whsec_" followed by the base64 (standard encoding) of at least 16 random bytes`,
		`config.yaml:5: notifiers[1].secret: must be "whsec_" followed by the base64 (standard encoding) of at least 16 random bytes`,
		`config.yaml:6: notifiers[2].secret: must be "whsec_" followed by the base64 (standard encoding) of at least 16 random bytes`}},
	{"notifier filters", minimal + "notifiers:\n  - name: a\n    type: stdout\n    sources: [a, nope]\n    events:\n      - posting.added\n      - posting.add\n  - {name: b, type: stdout, events: posting.added}\n", nil, []string{
		`config.yaml:6: notifiers[0].sources[1]: unknown source "nope" (not in sources)`,
		`config.yaml:9: notifiers[0].events[1]: unknown event "posting.add" (supported: posting.added, posting.removed, posting.changed, source.failed, source.recovered, source.suspicious)`,
		"config.yaml:10: notifiers[1].events: must be a list such as [a, b], not a single value"}},
	{"notifier headers", minimal + "notifiers:\n  - name: a\n    type: webhook\n    url: 'https://x.example'\n    headers:\n      Content-Type: text/plain\n      webhook-signature: x\n      'Bad Name': x\n      X-A: a\n      x-a: b\n      X-B: [b]\n  - {name: b, type: stdout, headers: {X-A: a}}\n", nil, []string{
		"config.yaml:8: notifiers[0].headers.Content-Type: is set by the notifier and cannot be overridden",
		"config.yaml:9: notifiers[0].headers.webhook-signature: is set by the notifier and cannot be overridden",
		"config.yaml:10: notifiers[0].headers.Bad Name: is not a valid HTTP header name",
		"config.yaml:12: notifiers[0].headers.x-a: duplicate header (first at line 11)",
		"config.yaml:13: notifiers[0].headers.X-B: must be a string, not a list",
		"config.yaml:14: notifiers[1].headers: is not used by type stdout"}},
	{"env unset", "schedule: ${SCHED}\nsources:\n  - {name: a, type: greenhouse, board: '${BOARD}'}\nnotifiers:\n  - name: hooks\n    type: webhook\n    url: ${WATCHER_WEBHOOK_URL}\n    secret: ${WATCHER_WEBHOOK_SECRET}\n",
		map[string]string{"WATCHER_WEBHOOK_SECRET": testSecret}, []string{
			"config.yaml:1: schedule: ${SCHED} is not set",
			"config.yaml:3: sources[0].board: ${BOARD} is not set",
			"config.yaml:7: notifiers[0].url: ${WATCHER_WEBHOOK_URL} is not set"}},
	{"env syntax", "sources:\n  - {name: a, type: greenhouse, board: '${BOARD', company: '${lower-case}'}\n", nil, []string{
		"config.yaml:2: sources[0].board: unterminated ${ (write $$ for a literal $)",
		"config.yaml:2: sources[0].company: invalid variable reference ${lower-case} (use ${NAME} or ${NAME:-default}; $$ for a literal $)"}},
	{"env value invalid", "sources:\n  - {name: '${N}', type: '${T}', board: b}\n", map[string]string{"N": "Bad Name", "T": "bogus"}, []string{
		`config.yaml:2: sources[0].name: invalid name "${N}": use lowercase letters, digits and hyphens, starting with a letter or digit, at most 64 characters`,
		`config.yaml:2: sources[0].type: unknown source type "${T}" (supported: eightfold, greenhouse, lever, ashby, workday, smartrecruiters, recruitee, workable, personio, teamtailor, bamboohr, pinpoint, rippling, jobvite, paylocity, neogov, oracle, icims, phenom, hrmdirect, jsonld, html, auto)`}},
	{"unsupported tag", "sources:\n  - {name: a, type: greenhouse, board: !secret b}\n", nil, []string{
		"config.yaml:2: sources[0].board: unsupported tag !secret"}},
	{"alias bomb", "x0: &m0 {name: a, type: greenhouse, board: b}\n" +
		"x1: &m1 {<<: [*m0, *m0, *m0, *m0, *m0, *m0, *m0, *m0, *m0, *m0]}\nx2: &m2 {<<: [*m1, *m1, *m1, *m1, *m1, *m1, *m1, *m1, *m1, *m1]}\n" +
		"x3: &m3 {<<: [*m2, *m2, *m2, *m2, *m2, *m2, *m2, *m2, *m2, *m2]}\nx4: &m4 {<<: [*m3, *m3, *m3, *m3, *m3, *m3, *m3, *m3, *m3, *m3]}\n" +
		"x5: &m5 {<<: [*m4, *m4, *m4, *m4, *m4, *m4, *m4, *m4, *m4, *m4]}\nx6: &m6 {<<: [*m5, *m5, *m5, *m5, *m5, *m5, *m5, *m5, *m5, *m5]}\n" +
		"sources:\n  - <<: *m6\n", nil, []string{
		"config.yaml:1: the document is too complex (too many aliases)"}},
	{"alias bomb padded to a large file", "# " + strings.Repeat("padding ", 60_000) + "\n" +
		"x0: &m0 {name: a, type: greenhouse, board: b}\n" +
		"x1: &m1 {<<: [*m0, *m0, *m0, *m0, *m0, *m0, *m0, *m0, *m0, *m0]}\nx2: &m2 {<<: [*m1, *m1, *m1, *m1, *m1, *m1, *m1, *m1, *m1, *m1]}\n" +
		"x3: &m3 {<<: [*m2, *m2, *m2, *m2, *m2, *m2, *m2, *m2, *m2, *m2]}\nx4: &m4 {<<: [*m3, *m3, *m3, *m3, *m3, *m3, *m3, *m3, *m3, *m3]}\n" +
		"x5: &m5 {<<: [*m4, *m4, *m4, *m4, *m4, *m4, *m4, *m4, *m4, *m4]}\nx6: &m6 {<<: [*m5, *m5, *m5, *m5, *m5, *m5, *m5, *m5, *m5, *m5]}\n" +
		"sources:\n  - <<: *m6\n", nil, []string{
		"config.yaml:1: the document is too complex (too many aliases)"}},
	{"merge key types", "sources:\n  - <<: 5\n    name: a\n    type: jsonld\n    url: 'https://a.example'\n  - <<: [x]\n    name: b\n    type: jsonld\n    url: 'https://b.example'\n", nil, []string{
		"config.yaml:2: sources[0]: a merge key (<<) takes a mapping or a list of mappings",
		"config.yaml:6: sources[1]: a merge key (<<) takes a mapping or a list of mappings"}},
	{"guard", "guard:\n  remove_after: 0\n  fail_after: 101\n  max_shrink: 1.5\n  shrink_pause: 0s\n  pause: 1s\n" + minimal, nil, []string{
		"config.yaml:2: guard.remove_after: must be between 1 and 100 (runs in a row)",
		"config.yaml:3: guard.fail_after: must be between 1 and 100 (runs in a row)",
		`config.yaml:4: guard.max_shrink: must be a share greater than 0 and at most 1, such as 0.5 or "50%"`,
		"config.yaml:5: guard.shrink_pause: must be greater than 0",
		"config.yaml:6: guard.pause: unknown key (known keys: remove_after, fail_after, max_shrink, shrink_pause)"}},
	{"guard more", "guard:\n  remove_after: two\n  max_shrink: 0%\n  fail_after: [1]\n" + minimal, nil, []string{
		"config.yaml:2: guard.remove_after: must be a whole number",
		`config.yaml:3: guard.max_shrink: must be a share greater than 0 and at most 1, such as 0.5 or "50%"`,
		"config.yaml:4: guard.fail_after: must be a string, not a list"}},
	{"guard type", "guard: 5\noutbox: [1]\n" + minimal, nil, []string{
		"config.yaml:1: guard: must be a mapping with remove_after, fail_after, max_shrink and shrink_pause, not a single value",
		"config.yaml:2: outbox: must be a mapping with expire, retry_every, budget, max_pending and break_after, not a list"}},
	{"outbox", "outbox:\n  expire: 7d\n  retry_every: -1m\n  retry: 1m\n" + minimal, nil, []string{
		"config.yaml:2: outbox.expire: must be a duration such as 30s, 1m or 1h30m",
		"config.yaml:3: outbox.retry_every: must be greater than 0",
		"config.yaml:4: outbox.retry: unknown key (known keys: expire, retry_every, budget, max_pending, break_after)"}},
	{"source guard keys", "sources:\n  - {name: a, type: greenhouse, board: a, allow_shrink: maybe, remove_after: 0, max_shrink: '150%'}\n  - {name: b, type: greenhouse, board: b, max_shrink: abc}\n", nil, []string{
		"config.yaml:2: sources[0].allow_shrink: must be true or false",
		"config.yaml:2: sources[0].remove_after: must be between 1 and 100 (runs in a row)",
		`config.yaml:2: sources[0].max_shrink: must be a share greater than 0 and at most 1, such as 0.5 or "50%"`,
		`config.yaml:3: sources[1].max_shrink: must be a share greater than 0 and at most 1, such as 0.5 or "50%"`}},
	{"channel keys", minimal + "notifiers:\n  - {name: s, type: slack}\n  - {name: d, type: discord, url: 'https://d.example/x', secret: " + testSecret + ", host: h}\n  - {name: t, type: teams, url: 'ftp://t.example', username: x}\n  - {name: e, type: email}\n  - {name: w, type: webhook, url: 'https://w.example', template: x}\n", nil, []string{
		"config.yaml:4: notifiers[0].url: is required for type slack",
		"config.yaml:5: notifiers[1].host: is not used by type discord",
		"config.yaml:5: notifiers[1].secret: is not used by type discord",
		"config.yaml:6: notifiers[2].username: is not used by type teams",
		"config.yaml:6: notifiers[2].url: must be an http or https URL",
		"config.yaml:7: notifiers[3].host: is required for type email",
		"config.yaml:7: notifiers[3].from: is required for type email",
		"config.yaml:7: notifiers[3].to: is required for type email",
		"config.yaml:8: notifiers[4].template: is not used by type webhook"}},
	{"channel values", minimal + "notifiers:\n  - name: s\n    type: slack\n    url: 'https://hooks.slack.com/x'\n    template: '{{.Nope'\n    history_url: 'github.com/x'\n  - name: d\n    type: discord\n    url: 'https://d.example/x'\n    username: \"a\\nb\"\n    template: '{{nope .Header}}'\n", nil, []string{
		"config.yaml:7: notifiers[0].template: must be a Go template over the digest (see docs/notifications.md): line 1: unclosed action",
		"config.yaml:8: notifiers[0].history_url: must be an http or https URL",
		"config.yaml:12: notifiers[1].username: must be a single line of at most 80 characters",
		`config.yaml:13: notifiers[1].template: must be a Go template over the digest (see docs/notifications.md): line 1: function "nope" not defined`}},
	{"email values", minimal + "notifiers:\n  - name: m\n    type: email\n    host: 'smtp://x.example'\n    port: 70000\n    tls: ssl\n    password: p\n    auth: xoauth\n    from: not an address\n    to: [a@example.com, 'bad', '']\n    subject: '{{'\n    html_template: '{{end}}'\n    timeout: soon\n  - {name: n, type: email, host: h, from: a@example.com, to: []}\n  - {name: o, type: email, host: h, from: a@example.com, to: a@example.com}\n", nil, []string{
		"config.yaml:6: notifiers[0].host: must be a host name such as smtp.example.com (no scheme, port or user)",
		"config.yaml:7: notifiers[0].port: must be between 1 and 65535",
		"config.yaml:8: notifiers[0].tls: must be starttls, tls or none",
		"config.yaml:9: notifiers[0].password: needs username",
		"config.yaml:10: notifiers[0].auth: must be plain, login, cram-md5 or scram-sha-256",
		`config.yaml:11: notifiers[0].from: invalid address "not an address" (use "Name <addr@example.com>" or addr@example.com)`,
		"config.yaml:12: notifiers[0].to[2]: must not be empty",
		"config.yaml:13: notifiers[0].subject: must be a Go template over the digest (see docs/notifications.md): line 1: unclosed action",
		"config.yaml:14: notifiers[0].html_template: must be a Go template over the digest (see docs/notifications.md): line 1: unexpected {{end}}",
		"config.yaml:15: notifiers[0].timeout: must be a duration such as 30s, 1m or 1h30m",
		"config.yaml:16: notifiers[1].to: must list at least one address",
		"config.yaml:17: notifiers[2].to: must be a list such as [a, b], not a single value"}},
	{"filter", minimal + "notifiers:\n  - name: f\n    type: stdout\n    filter:\n      title: '(abc'\n      roles: Data\n      levels: [L5, L6-L4, '5+', '']\n      skills_all: [PyTorch, '']\n      min_pay: lots\n      min_pay_currency: dollars\n      salary: 1\n  - name: g\n    type: stdout\n    filter: {min_pay: 100000}\n  - {name: h, type: stdout, filter: [x]}\n  - {name: i, type: stdout, filter: {min_pay: -5, min_pay_currency: usd}}\n", nil, []string{
		"config.yaml:7: notifiers[0].filter.title: must be a regular expression (RE2 syntax) such as '(?i)machine learning': error parsing regexp: missing closing ): `(abc`",
		"config.yaml:8: notifiers[0].filter.roles: must be a list such as [a, b], not a single value",
		"config.yaml:9: notifiers[0].filter.levels[3]: must not be empty",
		"config.yaml:10: notifiers[0].filter.skills_all[1]: must not be empty",
		"config.yaml:11: notifiers[0].filter.min_pay: must be a number of at least 0, such as 150000 (yearly, in min_pay_currency)",
		"config.yaml:12: notifiers[0].filter.min_pay_currency: must be an ISO 4217 currency code such as USD",
		"config.yaml:13: notifiers[0].filter.salary: unknown key (known keys: title, roles, levels, locations, skills_any, skills_all, min_pay, min_pay_currency)",
		"config.yaml:16: notifiers[1].filter.min_pay_currency: is required with min_pay (an ISO 4217 code such as USD)",
		"config.yaml:17: notifiers[2].filter: must be a mapping with title, roles, levels, locations, skills_any, skills_all, min_pay, min_pay_currency, not a list",
		"config.yaml:18: notifiers[3].filter.min_pay: must be a number of at least 0, such as 150000 (yearly, in min_pay_currency)"}},
	{"filter levels", minimal + "notifiers:\n  - name: f\n    type: stdout\n    filter:\n      levels:\n        - L5\n        - L6-L4\n        - '5+'\n        - L5+\n        - '${LV}'\n", map[string]string{"LV": "L9-L1"}, []string{
		`config.yaml:9: notifiers[0].filter.levels[1]: invalid level "L6-L4": empty range (use L5, L5+, L4-L6 or a word such as Senior)`,
		`config.yaml:10: notifiers[0].filter.levels[2]: invalid level "5+": "+" only follows an L level, as in "L5+" (use L5, L5+, L4-L6 or a word such as Senior)`,
		"config.yaml:12: notifiers[0].filter.levels[4]: invalid level (use L5, L5+, L4-L6 or a word such as Senior)"}},
	{"several problems in one file", `snapshots: snapshots
schedule: "@every banana"
http:
  timeout: soon
sources:
  - name: netflix-data-insights
    type: eightfold
    company: Netflix
    url: explore.jobs.netflix.net
    domain: netflix.com
  - name: amplitude
    type: greenhouse
    board: amplitude
    url: https://boards-api.greenhouse.io
  - name: amplitude
    type: workday
    url: https://acme.wd5.myworkdayjobs.com
    tenant: acme
notifiers:
  - name: hooks
    type: webhook
    url: ${WATCHER_WEBHOOK_URL}
    secret: ${WATCHER_WEBHOOK_SECRET}
    events: [posting.added, posting.deleted]
`, map[string]string{"WATCHER_WEBHOOK_SECRET": "whsec_c2hvcnQ="}, []string{
		`config.yaml:2: schedule: must be a cron spec such as "0 */6 * * *", "@every 6h" or "CRON_TZ=Europe/Warsaw 0 9 * * 1-5": failed to parse duration @every banana: time: invalid duration "banana"`,
		"config.yaml:4: http.timeout: must be a duration such as 30s, 1m or 1h30m",
		"config.yaml:9: sources[0].url: must be an http or https URL",
		`config.yaml:15: sources[2].name: duplicate source name "amplitude" (first at line 11)`,
		"config.yaml:15: sources[2].site: is required for type workday",
		"config.yaml:22: notifiers[0].url: ${WATCHER_WEBHOOK_URL} is not set",
		`config.yaml:23: notifiers[0].secret: must be "whsec_" followed by the base64 (standard encoding) of at least 16 random bytes`,
		`config.yaml:24: notifiers[0].events[1]: unknown event "posting.deleted" (supported: posting.added, posting.removed, posting.changed, source.failed, source.recovered, source.suspicious)`}},
}

func TestProblems(t *testing.T) {
	for _, tt := range problemTests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := parse([]byte(tt.yaml), "config.yaml", env(tt.env))
			if err == nil {
				t.Fatalf("Parse succeeded: %+v", c)
			}
			if c != nil {
				t.Errorf("Parse returned a Config with an error")
			}
			var perr *config.Error
			if !errors.As(err, &perr) {
				t.Fatalf("error %T is not *Error: %v", err, err)
			}
			var got []string
			for _, p := range perr.Problems {
				got = append(got, p.String())
				if p.File != "config.yaml" {
					t.Errorf("problem %q has File %q", p, p.File)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if err.Error() != strings.Join(tt.want, "\n") {
				t.Errorf("Error() = %q", err.Error())
			}
		})
	}
}

// TestSecretsNotLeaked puts a recognisable value from the environment in
// every key, in ways that make each of them invalid, and checks that no
// message shows it.
func TestSecretsNotLeaked(t *testing.T) {
	const secret = "S3CR3T-t0ken"
	vars := map[string]string{
		"V":      secret,
		"SLASH":  secret + "/x y",
		"NL":     secret + "\nX",
		"HOOK":   "hooks.slack.com/services/" + secret,
		"SECRET": "whsec_" + secret,
		"USER":   "https://" + secret + ":pw@x.example",
	}
	yaml := `snapshots: ${V}
schedule: ${V}
git:
  commit: ${V}
  author: ${V}
http:
  user_agent: ${NL}
  timeout: ${V}
  per_host_delay: ${V}
  max_body: ${V}
  robots: ${V}
  retries: ${V}
taxonomy:
  skills: [{name: "${V}"}, {name: "${V}"}]
sources:
  - name: ${V}
    type: ${V}
  - name: ok
    type: eightfold
    url: ${V}
    domain: ${SLASH}
  - name: ok2
    type: lever
    board: ${SLASH}
    schedule: CRON_TZ=${V} 0 * * * *
  - name: ok3
    type: jsonld
    url: ${USER}
notifiers:
  - name: ${V}
    type: ${V}
    events: ["${V}"]
    sources: ["${V}"]
  - name: hooks
    type: webhook
    url: ${HOOK}
    secret: ${SECRET}
    headers:
      X-Token: ${NL}
`
	_, err := parse([]byte(yaml), "config.yaml", env(vars))
	if err == nil {
		t.Fatal("Parse succeeded")
	}
	msg := err.Error()
	if strings.Contains(msg, secret) {
		t.Errorf("a value from the environment reached a message:\n%s", msg)
	}
	n := len(err.(*config.Error).Problems)
	if n < 20 {
		t.Errorf("only %d problems:\n%s", n, msg)
	}
	for _, want := range []string{"notifiers[1].url: must be an http or https URL", "notifiers[1].secret: must be", "notifiers[1].headers.X-Token: must be a single line"} {
		if !strings.Contains(msg, want) {
			t.Errorf("missing %q in:\n%s", want, msg)
		}
	}
}

// TestChannelSecretsNotLeaked puts a recognisable value from the
// environment in the secret-bearing and free-text keys of every channel,
// in ways that make each of them invalid, and checks that no message
// shows it.
func TestChannelSecretsNotLeaked(t *testing.T) {
	const secret = "S3CR3T-t0ken"
	vars := map[string]string{
		"URL":  "hooks.slack.com/services/" + secret,
		"USER": "https://" + secret + ":pw@x.example/hook",
		"PASS": secret,
		"TMPL": "{{" + secret + "((",
		"RE":   "(" + secret,
		"ADDR": secret + " not an address",
		"LV":   secret + "+",
		"CCY":  secret,
		"NUM":  secret,
	}
	yaml := minimal + `notifiers:
  - {name: s, type: slack, url: '${URL}', template: '${TMPL}', history_url: '${USER}'}
  - {name: d, type: discord, url: '${USER}', template: '${TMPL}', username: "${PASS}\n"}
  - {name: t, type: teams, url: '${URL}', template: '${TMPL}'}
  - {name: w, type: webhook, url: '${USER}', secret: '${PASS}'}
  - name: m
    type: email
    host: '${USER}'
    port: '${NUM}'
    tls: '${PASS}'
    auth: '${PASS}'
    password: '${PASS}'
    from: '${ADDR}'
    to: ['${ADDR}']
    subject: '${TMPL}'
    template: '${TMPL}'
    html_template: '${TMPL}'
    timeout: '${NUM}'
  - name: f
    type: stdout
    filter: {title: '${RE}', levels: ['${LV}'], min_pay: '${NUM}', min_pay_currency: '${CCY}'}
`
	_, err := parse([]byte(yaml), "config.yaml", env(vars))
	if err == nil {
		t.Fatal("Parse succeeded")
	}
	msg := err.Error()
	if strings.Contains(msg, secret) {
		t.Errorf("a value from the environment reached a message:\n%s", msg)
	}
	for _, want := range []string{
		"notifiers[0].url: must be an http or https URL", "notifiers[0].template: must be a Go template",
		"notifiers[0].history_url: must not contain a user or password", "notifiers[1].url: must not contain a user or password",
		"notifiers[1].username: must be a single line", "notifiers[3].secret: must be", "notifiers[4].host: must be a host name",
		"notifiers[4].port: must be a whole number", "notifiers[4].password: needs username", "notifiers[4].html_template: must be a Go template",
		"notifiers[5].filter.title: must be a regular expression", "notifiers[5].filter.levels[0]: invalid level",
		"notifiers[5].filter.min_pay: must be a number", "notifiers[5].filter.min_pay_currency: must be an ISO 4217",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("missing %q in:\n%s", want, msg)
		}
	}
}
