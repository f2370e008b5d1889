// Command standin is a fast stand-in careers server for benchmarks: B
// boards x P postings in the shapes of Eightfold's apply interface
// (GET /api/apply/v2/jobs?domain=D&start=N&num=10 and
// GET /api/apply/v2/jobs/{id}?domain=D) and Greenhouse's Job Board API
// (GET /v1/boards/{board}/jobs?content=true). Every posting is built from the
// real fixtures in internal/scrape/eightfold/testdata and
// internal/scrape/greenhouse/testdata, varied per board and posting (id,
// title, text). Board n (0-based) is the Eightfold domain board-n.example and
// the Greenhouse board board-n.
//
// It listens on 127.0.0.1:PORT, and with -hosts N also on 127.0.0.2..N at
// the same port (one robots.txt per host, allow-all), prints
// "listening PORT" on stdout, and serves until killed. GET /_bench/next
// starts a new cycle: a -change share of postings gets a new update stamp and
// a changed sentence. GET /_bench/stats returns request counts.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"hash/fnv"
	"html"
	"log"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "first address to listen on")
	hosts := flag.Int("hosts", 1, "listen on 127.0.0.1..127.0.0.N at the same port")
	boards := flag.Int("boards", 1000, "number of boards")
	postings := flag.Int("postings", 20, "postings per board")
	latency := flag.Duration("latency", 0, "delay before each answer")
	change := flag.Float64("change", 0, "share of postings changed by each /_bench/next (0..1)")
	root := flag.String("fixtures", ".", "repository root (for internal/scrape/*/testdata)")
	flag.Parse()
	if *hosts < 1 || *hosts > 254 {
		log.Fatal("standin: -hosts must be 1..254")
	}
	s, err := newServer(*root, *boards, *postings, *latency, *change)
	if err != nil {
		log.Fatal(err)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatalf("standin: listen %s: %v", *addr, err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	lns := []net.Listener{ln}
	for i := 2; i <= *hosts; i++ {
		a := fmt.Sprintf("127.0.0.%d:%d", i, port)
		l, err := net.Listen("tcp", a)
		if err != nil {
			log.Fatalf("standin: listen %s: %v", a, err)
		}
		lns = append(lns, l)
	}
	fmt.Printf("listening %d\n", port)
	os.Stdout.Sync()
	srv := &http.Server{Handler: s}
	for _, l := range lns[1:] {
		go srv.Serve(l)
	}
	log.Fatal(srv.Serve(lns[0]))
}

type server struct {
	boards, postings int
	latency          time.Duration
	change           float64
	gen              atomic.Int64
	efTemplates      []map[string]any // Eightfold list positions
	ghTemplates      []map[string]any // Greenhouse jobs (content escaped)
	descs            []string         // HTML descriptions (unescaped Greenhouse contents)
	lists, details   atomic.Int64
}

func newServer(root string, boards, postings int, latency time.Duration, change float64) (*server, error) {
	s := &server{boards: boards, postings: postings, latency: latency, change: change}
	var ef struct {
		Positions []map[string]any `json:"positions"`
	}
	if err := readJSON(filepath.Join(root, "internal/scrape/eightfold/testdata/eightfold.json"), &ef); err != nil {
		return nil, err
	}
	var gh struct {
		Jobs []map[string]any `json:"jobs"`
	}
	if err := readJSON(filepath.Join(root, "internal/scrape/greenhouse/testdata/greenhouse.json"), &gh); err != nil {
		return nil, err
	}
	if len(ef.Positions) == 0 || len(gh.Jobs) == 0 {
		return nil, fmt.Errorf("standin: fixtures hold no postings")
	}
	s.efTemplates, s.ghTemplates = ef.Positions, gh.Jobs
	for _, j := range gh.Jobs {
		c, _ := j["content"].(string)
		s.descs = append(s.descs, html.UnescapeString(c))
	}
	return s, nil
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("standin: %w (run from the repository root or set -fixtures)", err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("standin: %s: %w", path, err)
	}
	return nil
}

// version is the cycle in which posting (b, i) last changed (0: never).
func (s *server) version(b, i int) int64 {
	g := s.gen.Load()
	if s.change <= 0 {
		return 0
	}
	for v := g; v > 0; v-- {
		h := fnv.New64a()
		fmt.Fprintf(h, "%d/%d/%d", b, i, v)
		if float64(h.Sum64()%1_000_000)/1_000_000 < s.change {
			return v
		}
	}
	return 0
}

func postingID(b, i int) int64 { return 1_100_000_000_000 + int64(b)*10_000 + int64(i) }

const baseStamp = 1_785_000_000

func (s *server) title(b, i int, tmpl string) string {
	return fmt.Sprintf("%s %d-%d", tmpl, b, i)
}

// desc is the description HTML of posting (b, i) at version v.
func (s *server) desc(b, i int, v int64) string {
	d := s.descs[(b+i)%len(s.descs)]
	return fmt.Sprintf("<p>Board %d, posting %d, revision %d: you would join team %d.</p>", b, i, v, i%7) + d
}

func (s *server) efPosition(b, i int, detail bool) map[string]any {
	t := s.efTemplates[(b+i)%len(s.efTemplates)]
	p := make(map[string]any, len(t)+2)
	for k, v := range t {
		p[k] = v
	}
	id := postingID(b, i)
	v := s.version(b, i)
	p["id"] = id
	p["name"] = s.title(b, i, fmt.Sprint(t["name"]))
	p["canonicalPositionUrl"] = fmt.Sprintf("https://board-%d.example/careers/job/%d", b, id)
	p["t_create"] = baseStamp + int64(i)*3600
	if v > 0 {
		p["t_update"] = baseStamp + 1_000_000 + v*3600
	}
	if detail {
		p["job_description"] = s.desc(b, i, v)
	}
	return p
}

func (s *server) ghJob(b, i int) map[string]any {
	t := s.ghTemplates[(b+i)%len(s.ghTemplates)]
	j := make(map[string]any, len(t))
	for k, v := range t {
		j[k] = v
	}
	id := postingID(b, i)
	v := s.version(b, i)
	j["id"] = id
	j["internal_job_id"] = id + 1
	j["title"] = s.title(b, i, fmt.Sprint(t["title"]))
	j["absolute_url"] = fmt.Sprintf("https://job-boards.greenhouse.io/board-%d/jobs/%d", b, id)
	j["updated_at"] = time.Unix(baseStamp+1_000_000+v*3600, 0).UTC().Format(time.RFC3339)
	j["content"] = html.EscapeString(s.desc(b, i, v))
	return j
}

func (s *server) board(w http.ResponseWriter, prefix, name string) (int, bool) {
	n, err := strconv.Atoi(strings.TrimPrefix(name, prefix))
	if !strings.HasPrefix(name, prefix) || err != nil || n < 0 || n >= s.boards {
		http.Error(w, `{"message": "no such board"}`, http.StatusNotFound)
		return 0, false
	}
	return n, true
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s.latency > 0 && !strings.HasPrefix(r.URL.Path, "/_bench/") {
		time.Sleep(s.latency)
	}
	p := r.URL.Path
	switch {
	case p == "/robots.txt":
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, "User-agent: *\nAllow: /\n")
	case p == "/_bench/next":
		fmt.Fprintln(w, s.gen.Add(1))
	case p == "/_bench/stats":
		fmt.Fprintf(w, "lists %d details %d\n", s.lists.Load(), s.details.Load())
	case p == "/api/apply/v2/jobs":
		b, ok := s.board(w, "board-", strings.TrimSuffix(r.URL.Query().Get("domain"), ".example"))
		if !ok {
			return
		}
		s.lists.Add(1)
		start, _ := strconv.Atoi(r.URL.Query().Get("start"))
		out := []map[string]any{}
		for i := max(start, 0); i < s.postings && len(out) < 10; i++ {
			out = append(out, s.efPosition(b, i, false))
		}
		writeJSON(w, map[string]any{"count": s.postings, "positions": out})
	case strings.HasPrefix(p, "/api/apply/v2/jobs/"):
		b, ok := s.board(w, "board-", strings.TrimSuffix(r.URL.Query().Get("domain"), ".example"))
		if !ok {
			return
		}
		id, err := strconv.ParseInt(strings.TrimPrefix(p, "/api/apply/v2/jobs/"), 10, 64)
		i := int(id - postingID(b, 0))
		if err != nil || i < 0 || i >= s.postings {
			http.Error(w, `{"message": "no such position"}`, http.StatusNotFound)
			return
		}
		s.details.Add(1)
		writeJSON(w, s.efPosition(b, i, true))
	case strings.HasPrefix(p, "/v1/boards/") && strings.HasSuffix(p, "/jobs"):
		b, ok := s.board(w, "board-", strings.TrimSuffix(strings.TrimPrefix(p, "/v1/boards/"), "/jobs"))
		if !ok {
			return
		}
		s.lists.Add(1)
		jobs := make([]map[string]any, 0, s.postings)
		for i := 0; i < s.postings; i++ {
			jobs = append(jobs, s.ghJob(b, i))
		}
		writeJSON(w, map[string]any{"jobs": jobs, "meta": map[string]any{"total": s.postings}})
	default:
		http.NotFound(w, r)
	}
}

func writeJSON(w http.ResponseWriter, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.Write(b)
}
