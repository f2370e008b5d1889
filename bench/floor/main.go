// Command floor is the floor a watcher run is measured against: it fetches
// and decodes the same listings the watcher reads from the stand-in
// (bench/standin), with no politeness, storage, normalizing or diff. With
// -details it also fetches every posting's detail (Eightfold) and writes one
// file per posting (os.WriteFile, no fsync) under -out.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"
)

type position struct {
	ID             json.Number `json:"id"`
	Name           string      `json:"name"`
	Location       string      `json:"location"`
	Locations      []string    `json:"locations"`
	Department     string      `json:"department"`
	TCreate        int64       `json:"t_create"`
	TUpdate        int64       `json:"t_update"`
	URL            string      `json:"canonicalPositionUrl"`
	JobDescription string      `json:"job_description"`
}

type ghJob struct {
	ID        json.Number     `json:"id"`
	Title     string          `json:"title"`
	URL       string          `json:"absolute_url"`
	UpdatedAt string          `json:"updated_at"`
	Location  json.RawMessage `json:"location"`
	Content   string          `json:"content"`
}

func main() {
	port := flag.Int("port", 0, "stand-in port")
	hosts := flag.Int("hosts", 1, "boards are spread over 127.0.0.1..127.0.0.N (board n on host n%N+1)")
	typ := flag.String("type", "eightfold", "eightfold or greenhouse")
	boards := flag.Int("boards", 1000, "number of boards")
	details := flag.Bool("details", false, "fetch details and write one file per posting")
	out := flag.String("out", "", "folder for -details files")
	workers := flag.Int("workers", 4, "concurrent requests")
	flag.Parse()
	if *port == 0 || (*details && *out == "") {
		log.Fatal("floor: -port is required, and -out with -details")
	}
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: *workers}}
	get := func(u string, v any) error {
		resp, err := client.Get(u)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		if err != nil {
			return fmt.Errorf("%s: %w", u, err)
		}
		if resp.StatusCode != 200 {
			return fmt.Errorf("%s: status %d", u, resp.StatusCode)
		}
		return json.Unmarshal(b, v)
	}
	write := func(b int, id string, v any) error {
		dir := filepath.Join(*out, "board-"+strconv.Itoa(b))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		data, err := json.MarshalIndent(v, "", "  ")
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, id+".json"), append(data, '\n'), 0o644)
	}
	board := func(b int) (int, error) {
		base := fmt.Sprintf("http://127.0.0.%d:%d", b%*hosts+1, *port)
		domain := fmt.Sprintf("board-%d.example", b)
		n := 0
		if *typ == "greenhouse" {
			var lr struct {
				Jobs []ghJob `json:"jobs"`
			}
			if err := get(fmt.Sprintf("%s/v1/boards/board-%d/jobs?content=true", base, b), &lr); err != nil {
				return 0, err
			}
			for _, j := range lr.Jobs {
				if *details {
					if err := write(b, j.ID.String(), j); err != nil {
						return 0, err
					}
				}
			}
			return len(lr.Jobs), nil
		}
		for start := 0; ; {
			var lr struct {
				Count     int        `json:"count"`
				Positions []position `json:"positions"`
			}
			if err := get(fmt.Sprintf("%s/api/apply/v2/jobs?domain=%s&start=%d&num=10", base, domain, start), &lr); err != nil {
				return 0, err
			}
			for _, p := range lr.Positions {
				if *details {
					var d position
					if err := get(fmt.Sprintf("%s/api/apply/v2/jobs/%s?domain=%s", base, p.ID, domain), &d); err != nil {
						return 0, err
					}
					if err := write(b, d.ID.String(), d); err != nil {
						return 0, err
					}
				}
			}
			n += len(lr.Positions)
			start += len(lr.Positions)
			if len(lr.Positions) == 0 || start >= lr.Count {
				return n, nil
			}
		}
	}
	jobs := make(chan int)
	var mu sync.Mutex
	total, failed := 0, 0
	var wg sync.WaitGroup
	for range *workers {
		wg.Go(func() {
			for b := range jobs {
				n, err := board(b)
				mu.Lock()
				total += n
				if err != nil {
					failed++
					log.Printf("floor: board %d: %v", b, err)
				}
				mu.Unlock()
			}
		})
	}
	for b := range *boards {
		jobs <- b
	}
	close(jobs)
	wg.Wait()
	fmt.Printf("floor: %d boards, %d postings, %d failed\n", *boards, total, failed)
	if failed > 0 {
		os.Exit(1)
	}
}
