/* vtdrive.c: runs a program in a pseudo-terminal and checks its screen.
 *
 * The program's output is fed to libvterm, an in-process terminal
 * emulator, so the test sees the screen a user would see. A script (a .vt
 * file, read from the file named on the command line) drives it:
 *
 *	# comment
 *	size 80x24		terminal size for the next "run"
 *	env NAME=VALUE		set in the program's environment
 *	run ARGS...		start $TTYATLAS ARGS ($FIXTURES expanded)
 *	wait TEXT		wait until TEXT is on the screen
 *	gone TEXT		wait until TEXT is no longer on the screen
 *	key NAME...		send keys: j, Down, PgDn, C-d, Enter, Tab...
 *	type TEXT		send TEXT as typed
 *	click ROW COL		press and release the left button on the
 *				cell (0-based), as the terminal reports it
 *				in the mouse mode the program asked for;
 *				fails if it asked for none
 *	wheel up|down ROW COL	turn the wheel one step over the cell
 *	resize 100x30		change the terminal's size
 *	screen			then lines "|row": wait until the whole screen
 *				is exactly these rows (trailing blanks ignored)
 *	reverse ROW [COL]	the cell at row ROW, column COL (0-based;
 *				column 0 if not given) is in reverse video
 *	plain ROW [COL]		it is not
 *	mark			start counting output bytes (and keeping
 *				the raw output afresh)
 *	bytes-at-most N		no more than N bytes since "mark"
 *	bytes NAME		print "bytes NAME N" on stdout: the bytes
 *				since "mark" (benchmarks)
 *	raw-save PATH		write the raw output since "run" or "mark"
 *				to PATH (to see what a key costs)
 *	exit STATUS		wait for the program to end with STATUS
 *	raw-absent HEX...	none of these byte strings (in hex, "1b5d" is
 *				ESC ]) is in what the program wrote since
 *				"run" or "mark"
 *	raw-present HEX...	each of them is (waits for them)
 *	signal NAME		send SIGHUP, SIGTERM, SIGINT, SIGTSTP or
 *				SIGCONT (HUP, TERM, ...) to the program
 *	hangup			close the terminal's master side, as a dropped
 *				connection does; then "exit" waits for the end
 *	ignores NAME		the program ignores signal NAME (SigIgn in
 *				/proc/PID/status)
 *	proc-has FILE TEXT	/proc/PID/FILE of the program holds TEXT
 *	resize-storm N		N resizes in a row without waiting, then
 *				back to the current size
 *	resize-all WxH WxH	resize to every size in that range, row by
 *				row, waiting for output after each; then
 *				back to the current size
 *	lap NAME		print "lap NAME MS" on stdout: the time from
 *				the last "run", "key" or "type" to the end of
 *				the wait or screen before it (benchmarks)
 *	pid			print "pid PID" of the program on stdout
 *	wait-file PATH		wait (reading the program's output) until
 *				PATH exists: a barrier between drivers
 *	job-control		the next "run" starts the program as a job
 *				control shell does: a small shell process
 *				leads the terminal's session and the program
 *				runs in a foreground process group of its
 *				own (the session leader's group is orphaned,
 *				and the kernel ignores a stop sent to it)
 *	suspend			(after job-control) send SIGTSTP, wait for
 *				the program to stop (State T in /proc), check
 *				that it left the alternate screen, send
 *				SIGCONT and wait for it to enter it again
 *
 * With $VTDRIVE_LOG set, the program's raw output is saved there.
 *
 * Every wait has a deadline (10 s, or $VTDRIVE_TIMEOUT); nothing sleeps a
 * fixed time. On failure it prints the script line, what it wanted and
 * the screen it got, and exits 1. */
#define _GNU_SOURCE
#include <sys/ioctl.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <vterm.h>

static VTerm *vt;
static VTermScreen *vts;
static int master = -1, rows = 24, cols = 80;
static pid_t child = -1;
static pid_t prog_pid = -1;	/* the program: child, or the job's */
static int job_control;		/* the next run goes through a shell */
static int child_status = -1;
static const char *script_name;
static int script_line;
static long out_bytes;
static int timeout_ms = 10000;
static double last_input_ms;	/* when the last run, key or type was sent */

void dump_row(int, char *, size_t);
static char *envs[64];
static int nenvs;
static FILE *log_fp;	/* $VTDRIVE_LOG: the program's raw output */
static char *raw;	/* everything the program wrote since "run" */
static size_t raw_len, raw_cap;

static void
fail(const char *fmt, ...)
{
	va_list ap;
	char row[1024];
	int r;

	fprintf(stderr, "%s:%d: ", script_name, script_line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (vt != NULL) {
		fprintf(stderr, "screen (%dx%d):\n", cols, rows);
		for (r = 0; r < rows; r++) {
			dump_row(r, row, sizeof row);
			fprintf(stderr, "|%s\n", row);
		}
	}
	if (child > 0)
		kill(child, SIGKILL);
	exit(1);
}

static size_t
put_utf8(char *out, uint32_t c)
{
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xc0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xe0 | (c >> 12));
		out[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		out[2] = (char)(0x80 | (c & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (c >> 18));
	out[1] = (char)(0x80 | ((c >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((c >> 6) & 0x3f));
	out[3] = (char)(0x80 | (c & 0x3f));
	return 4;
}

/* Writes screen row R as UTF-8 into OUT, trailing blanks removed. */
void
dump_row(int r, char *out, size_t size)
{
	VTermScreenCell cell;
	VTermPos pos;
	size_t o = 0;
	int c, i;

	pos.row = r;
	for (c = 0; c < cols && o + 32 < size; c++) {
		pos.col = c;
		vterm_screen_get_cell(vts, pos, &cell);
		if (cell.chars[0] == 0) {
			out[o++] = ' ';
			continue;
		}
		for (i = 0; i < VTERM_MAX_CHARS_PER_CELL && cell.chars[i]; i++)
			o += put_utf8(out + o, cell.chars[i]);
		if (cell.width == 2)
			c++;
	}
	while (o > 0 && out[o - 1] == ' ')
		o--;
	out[o] = '\0';
}

static int
screen_has(const char *text)
{
	char row[1024];
	int r;

	for (r = 0; r < rows; r++) {
		dump_row(r, row, sizeof row);
		if (strstr(row, text) != NULL)
			return 1;
	}
	return 0;
}

static long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* The monotonic clock in milliseconds, to the microsecond (for "lap"). */
static double
now_msf(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Whether the program has asked for mouse reports: DECSET 9, 1000, 1002
 * or 1003 seen in its output, and not reset since. libvterm 0.1.4 acts
 * on the first mode of "ESC [ ? 1006 ; 1000 h" only (ncurses sends that),
 * so the output is scanned here. */
static int mouse_mode;

static void
scan_modes(const char *buf, size_t n)
{
	static int state, param, mouse;	/* across reads */
	size_t i;
	char c;

	for (i = 0; i < n; i++) {
		c = buf[i];
		if (c == '\033') {
			state = 1;
			continue;
		}
		switch (state) {
		case 1:
			state = c == '[' ? 2 : 0;
			break;
		case 2:
			state = c == '?' ? 3 : 0;
			param = mouse = 0;
			break;
		case 3:
			if (c >= '0' && c <= '9') {
				param = param * 10 + (c - '0');
				break;
			}
			mouse |= param == 9 || param == 1000 || param == 1002 ||
			    param == 1003;
			param = 0;
			if (c == ';')
				break;
			if ((c == 'h' || c == 'l') && mouse)
				mouse_mode = c == 'h';
			state = 0;
			break;
		}
	}
}

/* Reads what the program wrote for up to MS milliseconds (stopping early
 * once something came). Returns 0 if the program has ended. */
static int
pump(int ms)
{
	struct pollfd pfd = { master, POLLIN, 0 };
	char buf[8192], reply[256];
	ssize_t n;
	size_t m;

	if (master == -1)
		return 0;
	if (poll(&pfd, 1, ms) <= 0)
		return 1;
	n = read(master, buf, sizeof buf);
	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return 1;	/* nothing this time; the program lives */
	if (n <= 0) {
		/* EIO: the program closed the terminal (it ended). */
		return 0;
	}
	out_bytes += n;
	if (raw_len + (size_t)n > raw_cap) {
		raw_cap = (raw_len + (size_t)n) * 2;
		if ((raw = realloc(raw, raw_cap)) == NULL)
			fail("out of memory");
	}
	memcpy(raw + raw_len, buf, (size_t)n);
	raw_len += (size_t)n;
	if (log_fp != NULL)
		fwrite(buf, 1, (size_t)n, log_fp);
	scan_modes(buf, (size_t)n);
	vterm_input_write(vt, buf, (size_t)n);
	while ((m = vterm_output_read(vt, reply, sizeof reply)) > 0)
		if (write(master, reply, m) < 0)
			break;
	return 1;
}

typedef int (*cond_fn)(const void *);

static int
wait_for(cond_fn cond, const void *arg)
{
	long deadline = now_ms() + timeout_ms;

	while (!cond(arg)) {
		if (now_ms() > deadline)
			return 0;
		if (!pump(50) && !cond(arg))
			return 0;
	}
	return 1;
}

static int
cond_has(const void *arg)
{
	return screen_has(arg);
}

static int
cond_gone(const void *arg)
{
	return !screen_has(arg);
}

struct want_screen {
	char	**rows;
	int	  n;
};

static int
cond_screen(const void *arg)
{
	const struct want_screen *w = arg;
	char row[1024];
	int r;

	if (w->n != rows)
		return 0;
	for (r = 0; r < rows; r++) {
		dump_row(r, row, sizeof row);
		if (strcmp(row, w->rows[r]) != 0)
			return 0;
	}
	return 1;
}

static void
set_size(int c, int r)
{
	struct winsize ws;

	cols = c;
	rows = r;
	if (vt != NULL)
		vterm_set_size(vt, rows, cols);
	if (master != -1) {
		memset(&ws, 0, sizeof ws);
		ws.ws_col = (unsigned short)cols;
		ws.ws_row = (unsigned short)rows;
		ioctl(master, TIOCSWINSZ, &ws);
		/* The kernel signals the foreground group on a change. */
	}
}

static char *
expand(const char *s)
{
	const char *fx = getenv("FIXTURES"), *p;
	static char out[4096];
	size_t o = 0;

	for (p = s; *p != '\0' && o < sizeof out - 1; p++) {
		if (strncmp(p, "$FIXTURES", 9) == 0 && fx != NULL) {
			o += (size_t)snprintf(out + o, sizeof out - o, "%s", fx);
			p += 8;
		} else
			out[o++] = *p;
	}
	out[o] = '\0';
	return out;
}

/* In the session leader (the child of forkpty()): starts PROG in a
 * process group of its own in the terminal's foreground, sends its pid
 * down pipe PFD and waits for it as a shell does, then exits with its
 * status (128 + the signal that ended it). */
static void
run_job(const char *prog, char **argv, int pfd[2])
{
	pid_t pid;
	int st;

	close(pfd[0]);
	signal(SIGTTOU, SIG_IGN);
	if ((pid = fork()) == -1)
		_exit(127);
	if (pid == 0) {
		setpgid(0, 0);
		tcsetpgrp(STDIN_FILENO, getpid());
		signal(SIGTTOU, SIG_DFL);
		close(pfd[1]);
		execv(prog, argv);
		_exit(127);
	}
	setpgid(pid, pid);
	tcsetpgrp(STDIN_FILENO, pid);
	if (write(pfd[1], &pid, sizeof pid) != (ssize_t)sizeof pid)
		_exit(127);
	close(pfd[1]);
	while (waitpid(pid, &st, 0) == -1)
		if (errno != EINTR)
			_exit(127);
	_exit(WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st));
}

static void
run(char *args)
{
	struct winsize ws;
	char *argv[64], *prog = getenv("TTYATLAS"), *tok, *save;
	int argc = 0, i, pfd[2] = { -1, -1 };

	if (prog == NULL)
		fail("TTYATLAS is not set");
	argv[argc++] = prog;
	for (tok = strtok_r(expand(args), " ", &save); tok && argc < 63;
	    tok = strtok_r(NULL, " ", &save))
		argv[argc++] = tok;	/* in expand()'s buffer, used once */
	argv[argc] = NULL;

	memset(&ws, 0, sizeof ws);
	ws.ws_col = (unsigned short)cols;
	ws.ws_row = (unsigned short)rows;
	if (vt != NULL)
		vterm_free(vt);	/* a script may run the program again */
	if (master != -1)
		close(master);
	master = -1;
	raw_len = 0;
	vt = vterm_new(rows, cols);
	vterm_set_utf8(vt, 1);
	vts = vterm_obtain_screen(vt);
	mouse_mode = 0;
	vterm_screen_enable_altscreen(vts, 1);
	vterm_screen_reset(vts, 1);

	if (job_control && pipe(pfd) != 0)
		fail("pipe: %s", strerror(errno));
	last_input_ms = now_msf();
	child = forkpty(&master, NULL, NULL, &ws);
	if (child == -1)
		fail("forkpty: %s", strerror(errno));
	if (child == 0) {
		setenv("TERM", "xterm-256color", 1);
		unsetenv("COLUMNS");
		unsetenv("LINES");
		for (i = 0; i < nenvs; i++)
			putenv(envs[i]);
		if (job_control)
			run_job(prog, argv, pfd);
		execv(prog, argv);
		_exit(127);
	}
	prog_pid = child;
	if (job_control) {
		close(pfd[1]);
		if (read(pfd[0], &prog_pid, sizeof prog_pid) !=
		    (ssize_t)sizeof prog_pid)
			fail("the job's shell did not start the program");
		close(pfd[0]);
		job_control = 0;
	}
}

/* Sends key NAME the way a terminal in the program's current modes would
 * (libvterm knows whether cursor keys are in application mode). */
static void
send_key(const char *name)
{
	static const struct {
		const char	*name;
		VTermKey	 key;
	} keys[] = {
		{ "Up", VTERM_KEY_UP }, { "Down", VTERM_KEY_DOWN },
		{ "Right", VTERM_KEY_RIGHT }, { "Left", VTERM_KEY_LEFT },
		{ "Home", VTERM_KEY_HOME }, { "End", VTERM_KEY_END },
		{ "PgUp", VTERM_KEY_PAGEUP }, { "PgDn", VTERM_KEY_PAGEDOWN },
		{ "Enter", VTERM_KEY_ENTER }, { "Tab", VTERM_KEY_TAB },
		{ "Esc", VTERM_KEY_ESCAPE }, { "BS", VTERM_KEY_BACKSPACE },
	};
	char buf[64];
	size_t i, n;

	last_input_ms = now_msf();
	if (strcmp(name, "BTab") == 0)
		vterm_keyboard_key(vt, VTERM_KEY_TAB, VTERM_MOD_SHIFT);
	else if (strcmp(name, "Space") == 0)
		vterm_keyboard_unichar(vt, ' ', VTERM_MOD_NONE);
	else if (name[0] == 'C' && name[1] == '-' && name[2] && !name[3])
		vterm_keyboard_unichar(vt, (uint32_t)name[2], VTERM_MOD_CTRL);
	else if (strlen(name) == 1)
		vterm_keyboard_unichar(vt, (uint32_t)name[0], VTERM_MOD_NONE);
	else {
		for (i = 0; i < sizeof keys / sizeof keys[0]; i++)
			if (strcmp(name, keys[i].name) == 0)
				break;
		if (i == sizeof keys / sizeof keys[0])
			fail("unknown key '%s'", name);
		vterm_keyboard_key(vt, keys[i].key, VTERM_MOD_NONE);
	}
	while ((n = vterm_output_read(vt, buf, sizeof buf)) > 0)
		if (write(master, buf, n) != (ssize_t)n)
			fail("cannot write to the program");
}

/* Clicks (BUTTON 1) or turns the wheel (4 up, 5 down) at ROW, COL the
 * way the terminal would in the mouse mode the program set (libvterm
 * encodes it: X10 or SGR); fails if the program asked for no mouse
 * reports (libvterm would send them anyway). */
static void
send_mouse(int button, int row, int col)
{
	char buf[64];
	size_t n, total = 0;

	if (!mouse_mode)
		fail("the program has not asked for mouse reports");
	last_input_ms = now_msf();
	vterm_mouse_move(vt, row, col, VTERM_MOD_NONE);
	vterm_mouse_button(vt, button, 1, VTERM_MOD_NONE);
	if (button == 1)
		vterm_mouse_button(vt, button, 0, VTERM_MOD_NONE);
	while ((n = vterm_output_read(vt, buf, sizeof buf)) > 0) {
		total += n;
		if (write(master, buf, n) != (ssize_t)n)
			fail("cannot write to the program");
	}
	if (total == 0)
		fail("the program has not asked for mouse reports");
}

static void
send(const char *s, size_t n)
{
	last_input_ms = now_msf();
	if (master == -1 || write(master, s, n) != (ssize_t)n)
		fail("cannot write to the program");
}

/* Returns 1 if the bytes of the hex string HEX are in the raw output since
 * "run" or "mark"; fails on a malformed HEX. */
static int
raw_has(const char *hex)
{
	unsigned char want[256];
	size_t n = 0, i;
	unsigned v;

	if (strlen(hex) % 2 != 0 || strlen(hex) / 2 > sizeof want ||
	    *hex == '\0')
		fail("bad hex string '%s'", hex);
	for (; *hex != '\0'; hex += 2) {
		if (sscanf(hex, "%2x", &v) != 1)
			fail("bad hex string '%s'", hex);
		want[n++] = (unsigned char)v;
	}
	for (i = 0; i + n <= raw_len; i++)
		if (memcmp(raw + i, want, n) == 0)
			return 1;
	return 0;
}

/* Returns the contents of /proc/PID/FILE of the program (static). */
static const char *
proc_read(const char *file)
{
	static char buf[16384];
	char path[256];
	size_t n;
	FILE *fp;

	snprintf(path, sizeof path, "/proc/%ld/%s", (long)prog_pid, file);
	if (prog_pid <= 0 || (fp = fopen(path, "r")) == NULL)
		fail("cannot read %s", path);
	n = fread(buf, 1, sizeof buf - 1, fp);
	buf[n] = '\0';
	fclose(fp);
	return buf;
}

static int send_signal(const char *, int);

/* Sends the signal named NAME (HUP, TERM, INT, TSTP, CONT, WINCH), or
 * with ONLY_LOOK returns its number. */
static int
send_signal(const char *name, int only_look)
{
	static const struct {
		const char	*name;
		int		 sig;
	} sigs[] = {
		{ "HUP", SIGHUP }, { "TERM", SIGTERM }, { "INT", SIGINT },
		{ "TSTP", SIGTSTP }, { "CONT", SIGCONT }, { "WINCH", SIGWINCH },
	};
	size_t i;

	if (strncmp(name, "SIG", 3) == 0)
		name += 3;
	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		if (strcmp(name, sigs[i].name) == 0)
			break;
	if (i == sizeof sigs / sizeof sigs[0])
		fail("unknown signal '%s'", name);
	if (only_look)
		return sigs[i].sig;
	if (prog_pid <= 0 || kill(prog_pid, sigs[i].sig) != 0)
		fail("cannot signal the program");
	return sigs[i].sig;
}

/* Waits until the program writes something after a change (a resize),
 * so the next change is not merged with this one. */
static void
wait_output(void)
{
	long before = out_bytes, deadline = now_ms() + timeout_ms;

	while (out_bytes == before) {
		if (now_ms() > deadline)
			fail("the program wrote nothing at %dx%d", cols, rows);
		if (!pump(50))
			fail("the program ended at %dx%d", cols, rows);
	}
}

static int
cond_stopped(const void *arg)
{
	(void)arg;
	return strstr(proc_read("status"), "T (stopped)") != NULL;
}

/* True if the bytes ARG (a string) are in the output from RAW_FROM on. */
static size_t raw_from;

static int
cond_raw_since(const void *arg)
{
	size_t n = strlen(arg), i;

	for (i = raw_from; i + n <= raw_len; i++)
		if (memcmp(raw + i, arg, n) == 0)
			return 1;
	return 0;
}

/* Ctrl-Z as a job control shell sees it: SIGTSTP, the program stops with
 * the terminal given back (the alternate screen left), SIGCONT, and it
 * takes the screen again (the script then waits for the redraw). */
static void
suspend(void)
{
	if (prog_pid == child)
		fail("suspend needs job-control before run");
	raw_from = raw_len;
	send_signal("TSTP", 0);
	/* Once more if it did not stop: a stop signal that meets the
	 * program between ncurses' handler and its own re-raise can be
	 * lost; a program that ignores SIGTSTP fails both times. */
	if (!wait_for(cond_stopped, NULL)) {
		send_signal("TSTP", 0);
		if (!wait_for(cond_stopped, NULL))
			fail("the program did not stop on SIGTSTP");
	}
	if (!wait_for(cond_raw_since, "\033[?1049l"))
		fail("the program stopped without leaving the alternate "
		    "screen");
	raw_from = raw_len;
	send_signal("CONT", 0);
	if (!wait_for(cond_raw_since, "\033[?1049h"))
		fail("the program did not take the screen back on SIGCONT");
}

static void
wait_exit(int want)
{
	long deadline = now_ms() + timeout_ms;
	int st;

	for (;;) {
		pump(50);
		if (waitpid(child, &st, WNOHANG) == child)
			break;
		if (now_ms() > deadline)
			fail("program did not exit");
	}
	while (pump(0) && master != -1) {
		struct pollfd pfd = { master, POLLIN, 0 };

		if (poll(&pfd, 1, 0) <= 0)
			break;
	}
	child = -1;
	child_status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	if (child_status != want)
		fail("exit status %d, want %d", child_status, want);
}

int
main(int argc, char **argv)
{
	char line[4096], *arg;
	struct want_screen want;
	FILE *fp;
	int c, r, n;

	if (argc != 2) {
		fprintf(stderr, "usage: vtdrive SCRIPT\n");
		return 2;
	}
	if (getenv("VTDRIVE_TIMEOUT") != NULL)
		timeout_ms = atoi(getenv("VTDRIVE_TIMEOUT")) * 1000;
	script_name = argv[1];
	if (getenv("VTDRIVE_LOG") != NULL)
		log_fp = fopen(getenv("VTDRIVE_LOG"), "w");
	if ((fp = fopen(script_name, "r")) == NULL) {
		perror(script_name);
		return 2;
	}
	signal(SIGPIPE, SIG_IGN);
	memset(&want, 0, sizeof want);
	while (fgets(line, sizeof line, fp) != NULL) {
		script_line++;
		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		if (line[0] == '|') {
			if (want.n >= 512)
				fail("screen too tall");
			want.rows = realloc(want.rows, sizeof *want.rows *
			    (size_t)(want.n + 1));
			want.rows[want.n] = strdup(line + 1);
			n = (int)strlen(want.rows[want.n]);
			while (n > 0 && want.rows[want.n][n - 1] == ' ')
				want.rows[want.n][--n] = '\0';
			want.n++;
			continue;
		}
		if (want.n != 0) {
			script_line--;
			if (!wait_for(cond_screen, &want))
				fail("screen is not as expected (%d rows given)",
				    want.n);
			script_line++;
			while (want.n > 0)
				free(want.rows[--want.n]);
		}
		arg = strchr(line, ' ');
		arg = arg ? arg + 1 : line + strlen(line);
		if (strncmp(line, "size ", 5) == 0) {
			if (sscanf(arg, "%dx%d", &c, &r) != 2)
				fail("bad size");
			set_size(c, r);
		} else if (strncmp(line, "resize ", 7) == 0) {
			if (sscanf(arg, "%dx%d", &c, &r) != 2)
				fail("bad size");
			set_size(c, r);
		} else if (strncmp(line, "env ", 4) == 0) {
			if (nenvs < 64)
				envs[nenvs++] = strdup(expand(arg));
		} else if (strncmp(line, "run", 3) == 0) {
			run(arg);
		} else if (strncmp(line, "wait ", 5) == 0) {
			if (!wait_for(cond_has, arg))
				fail("'%s' never appeared", arg);
		} else if (strncmp(line, "gone ", 5) == 0) {
			if (!wait_for(cond_gone, arg))
				fail("'%s' never went away", arg);
		} else if (strncmp(line, "key ", 4) == 0) {
			char *tok, *save;

			for (tok = strtok_r(arg, " ", &save); tok != NULL;
			    tok = strtok_r(NULL, " ", &save))
				send_key(tok);
		} else if (strncmp(line, "click ", 6) == 0) {
			if (sscanf(arg, "%d %d", &r, &c) != 2)
				fail("click ROW COL");
			pump(0);	/* the program's mouse mode, if just set */
			send_mouse(1, r, c);
		} else if (strncmp(line, "wheel ", 6) == 0) {
			char dir[8];

			if (sscanf(arg, "%7s %d %d", dir, &r, &c) != 3 ||
			    (strcmp(dir, "up") != 0 && strcmp(dir, "down") != 0))
				fail("wheel up|down ROW COL");
			pump(0);
			send_mouse(dir[0] == 'u' ? 4 : 5, r, c);
		} else if (strncmp(line, "type ", 5) == 0) {
			send(arg, strlen(arg));
		} else if (strcmp(line, "screen") == 0) {
			/* rows follow */
		} else if (strncmp(line, "reverse ", 8) == 0 ||
		    strncmp(line, "plain ", 6) == 0) {
			VTermScreenCell cell;
			VTermPos pos = { atoi(arg), 0 };
			char *col = strchr(arg, ' ');
			int rev = line[0] == 'r';

			if (col != NULL)
				pos.col = atoi(col + 1);
			pump(0);
			vterm_screen_get_cell(vts, pos, &cell);
			if (!cell.attrs.reverse != !rev)
				fail("row %d column %d is %sin reverse video",
				    pos.row, pos.col, rev ? "not " : "");
		} else if (strcmp(line, "mark") == 0) {
			out_bytes = 0;
			raw_len = 0;
		} else if (strncmp(line, "bytes-at-most ", 14) == 0) {
			/* Counted up to the last wait: follow a key with a
			 * "wait" or "screen" for the state it leads to. */
			if (out_bytes > atol(arg))
				fail("%ld bytes written, want at most %s",
				    out_bytes, arg);
		} else if (strncmp(line, "bytes ", 6) == 0) {
			printf("bytes %s %ld\n", arg, out_bytes);
			fflush(stdout);
		} else if (strncmp(line, "raw-save ", 9) == 0) {
			FILE *out = fopen(arg, "w");

			if (out == NULL || fwrite(raw, 1, raw_len, out) !=
			    raw_len || fclose(out) != 0)
				fail("cannot write %s", arg);
		} else if (strncmp(line, "raw-absent ", 11) == 0 ||
		    strncmp(line, "raw-present ", 12) == 0) {
			char *tok, *save;
			int absent = line[4] == 'a';

			long deadline = now_ms() + timeout_ms;

			pump(0);
			for (tok = strtok_r(arg, " ", &save); tok != NULL;
			    tok = strtok_r(NULL, " ", &save)) {
				/* Present: wait for them to come. */
				while (!absent && !raw_has(tok) &&
				    now_ms() < deadline && pump(50))
					;
				if (raw_has(tok) == absent)
					fail("bytes %s %s the output", tok,
					    absent ? "are in" : "are not in");
			}
		} else if (strncmp(line, "signal ", 7) == 0) {
			send_signal(arg, 0);
		} else if (strncmp(line, "ignores ", 8) == 0) {
			const char *ign = strstr(proc_read("status"),
			    "SigIgn:");
			int sig = send_signal(arg, 1);

			if (ign == NULL)
				fail("no SigIgn in /proc");
			if (!((strtoull(ign + 7, NULL, 16) >> (sig - 1)) & 1))
				fail("SIG%s is not ignored", arg);
		} else if (strncmp(line, "proc-has ", 9) == 0) {
			char *text = strchr(arg, ' ');

			if (text == NULL)
				fail("proc-has FILE TEXT");
			*text++ = '\0';
			if (strstr(proc_read(arg), text) == NULL)
				fail("/proc/PID/%s has no '%s'", arg, text);
		} else if (strcmp(line, "hangup") == 0) {
			if (master != -1)
				close(master);
			master = -1;
		} else if (strncmp(line, "resize-storm ", 13) == 0) {
			int oc = cols, orow = rows, i;

			for (i = 0; i < atoi(arg); i++) {
				set_size(i % 2 ? oc : 20 + i % 97,
				    i % 2 ? orow : 3 + i % 41);
				pump(0);
			}
			set_size(oc, orow);
		} else if (strncmp(line, "resize-all ", 11) == 0) {
			int c0, r0, c1, r1, oc = cols, orow = rows;

			if (sscanf(arg, "%dx%d %dx%d", &c0, &r0, &c1, &r1) != 4)
				fail("bad sizes");
			for (r = r0; r <= r1; r++)
				for (c = c0; c <= c1; c++) {
					if (c == cols && r == rows)
						continue;
					set_size(c, r);
					wait_output();
				}
			set_size(oc, orow);
		} else if (strncmp(line, "lap ", 4) == 0) {
			printf("lap %s %.3f\n", arg, now_msf() - last_input_ms);
			fflush(stdout);
		} else if (strcmp(line, "job-control") == 0) {
			job_control = 1;
		} else if (strcmp(line, "suspend") == 0) {
			suspend();
		} else if (strcmp(line, "pid") == 0) {
			printf("pid %ld\n", (long)child);
			fflush(stdout);
		} else if (strncmp(line, "wait-file ", 10) == 0) {
			long deadline = now_ms() + timeout_ms;

			while (access(arg, F_OK) != 0) {
				if (now_ms() > deadline)
					fail("'%s' never appeared", arg);
				if (!pump(50))
					fail("the program ended");
			}
		} else if (strncmp(line, "exit ", 5) == 0) {
			wait_exit(atoi(arg));
		} else
			fail("unknown command '%s'", line);
	}
	if (want.n != 0 && !wait_for(cond_screen, &want))
		fail("screen is not as expected");
	while (want.n > 0)
		free(want.rows[--want.n]);
	free(want.rows);
	free(raw);
	while (nenvs > 0)
		free(envs[--nenvs]);
	fclose(fp);
	if (vt != NULL)
		vterm_free(vt);
	if (child > 0) {
		kill(child, SIGKILL);
		fail("script ended with the program still running");
	}
	return 0;
}
