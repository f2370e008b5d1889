//go:build !linux

package gitrepo

import "os"

// readRegular opens abs, checks through the open file that it is a regular
// file (else regular is false and nothing is read), and reads it whole into
// buf's array (grown when it is too small). The stat is taken before the
// read: if the file changes while it is read, its mtime moves past the
// recorded one and git rehashes it. exec is the owner's execute bit.
func readRegular(abs string, buf []byte) (data []byte, st fileStat, exec, regular bool, err error) {
	f, err := os.Open(abs)
	if err != nil {
		return nil, fileStat{}, false, false, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, fileStat{}, false, false, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fileStat{}, false, false, nil
	}
	data, err = readInto(f, fi.Size(), buf)
	if err != nil {
		return nil, fileStat{}, false, false, err
	}
	return data, statOf(fi), fi.Mode()&0o100 != 0, true, nil
}
