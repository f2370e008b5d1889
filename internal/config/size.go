package config

import (
	"errors"
	"math"
	"strconv"
	"strings"
)

// parseSize reads a byte size: a plain number of bytes, or a number
// followed by B, KB, MB or GB. Units are binary: 1KB = 1024 bytes,
// 1MB = 1024KB, 1GB = 1024MB (KiB, MiB, GiB are the same). Case and a space
// before the unit do not matter.
func parseSize(s string) (int64, error) {
	s = strings.TrimSpace(s)
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 {
		return 0, errors.New("no number")
	}
	n, err := strconv.ParseInt(s[:i], 10, 64)
	if err != nil {
		return 0, err
	}
	var mult int64
	switch strings.ToUpper(strings.TrimSpace(s[i:])) {
	case "", "B":
		mult = 1
	case "K", "KB", "KIB":
		mult = 1 << 10
	case "M", "MB", "MIB":
		mult = 1 << 20
	case "G", "GB", "GIB":
		mult = 1 << 30
	default:
		return 0, errors.New("unknown unit")
	}
	if n > math.MaxInt64/mult {
		return 0, errors.New("too large")
	}
	return n * mult, nil
}
