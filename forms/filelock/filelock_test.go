package filelock_test

import (
	"bufio"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"nianbao/forms/filelock"
)

func TestAcquireAndRelease(t *testing.T) {
	path := filepath.Join(t.TempDir(), "报告.nianbao")
	first, err := filelock.Acquire(path, 0)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = filelock.Acquire(path, 100*time.Millisecond)
	if !errors.Is(err, filelock.ErrHeld) || !strings.Contains(err.Error(), "另一个程序") {
		t.Errorf("second Acquire: %v", err)
	}
	if waited := time.Since(start); waited < 100*time.Millisecond {
		t.Errorf("gave up after %v, before the wait was over", waited)
	}
	// A waiting Acquire gets the lock once the holder lets go.
	go func() {
		time.Sleep(50 * time.Millisecond)
		first.Release()
	}()
	second, err := filelock.Acquire(path, 5*time.Second)
	if err != nil {
		t.Fatalf("after release: %v", err)
	}
	second.Release()
	second.Release() // twice is harmless, and so is nil
	var none *filelock.Lock
	none.Release()
	if _, err := os.Stat(path + filelock.Suffix); !errors.Is(err, os.ErrNotExist) {
		t.Error("the lock file is left behind")
	}
}

// TestReadOnlyFolder checks that a lock that cannot be made is an error of
// its own, not "held": the caller goes on without a lock.
func TestReadOnlyFolder(t *testing.T) {
	_, err := filelock.Acquire(filepath.Join("/proc", "报告.nianbao"), 0)
	if err == nil || errors.Is(err, filelock.ErrHeld) {
		t.Errorf("err = %v", err)
	}
}

// TestKilledHolder checks that a program killed while holding the lock —
// a crash, a power cut — does not leave the file locked.
func TestKilledHolder(t *testing.T) {
	if path := os.Getenv("NIANBAO_TEST_HOLD"); path != "" {
		if _, err := filelock.Acquire(path, 0); err != nil {
			os.Exit(3)
		}
		os.Stdout.WriteString("held\n")
		time.Sleep(time.Minute)
		os.Exit(0)
	}
	path := filepath.Join(t.TempDir(), "r.nianbao")
	cmd := exec.Command(os.Args[0], "-test.run", "^TestKilledHolder$")
	cmd.Env = append(os.Environ(), "NIANBAO_TEST_HOLD="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if line, _ := bufio.NewReader(out).ReadString('\n'); line != "held\n" {
		t.Fatalf("the holder said %q", line)
	}
	if _, err := filelock.Acquire(path, 0); !errors.Is(err, filelock.ErrHeld) {
		t.Errorf("while another process holds it: %v", err)
	}
	cmd.Process.Kill()
	cmd.Wait()
	l, err := filelock.Acquire(path, 0)
	if err != nil {
		t.Fatalf("after the holder was killed: %v", err)
	}
	l.Release()
}
