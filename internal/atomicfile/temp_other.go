//go:build !unix

package atomicfile

import "os"

// writeTemp writes data to a new temporary file in dir (made when it is
// missing), mode 0644, fsynced when durable, and returns its path; on an
// error after the file was made, tmp names it (removed). See temp_unix.go.
func writeTemp(dir string, data []byte, durable bool) (tmp string, err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	f, err := os.CreateTemp(dir, TempPrefix+"*")
	if err != nil {
		return "", err
	}
	tmp = f.Name()
	defer func() {
		if err != nil {
			os.Remove(tmp)
		}
	}()
	if _, err = f.Write(data); err != nil {
		f.Close()
		return tmp, err
	}
	if durable {
		if err = f.Sync(); err != nil {
			f.Close()
			return tmp, err
		}
	}
	if err = f.Close(); err != nil {
		return tmp, err
	}
	err = os.Chmod(tmp, 0o644)
	return tmp, err
}

// rename is os.Rename.
func rename(tmp, path string) error { return os.Rename(tmp, path) }
