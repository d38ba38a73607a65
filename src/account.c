/*
 * account.c: accounts on sites and their passwords (see account.h).
 *
 * A password command is split into words here (spaces separate them,
 * single and double quotes group them, a backslash escapes one
 * character) and run with fork and execvp: no shell, so nothing in it
 * is expanded, and the password comes back on a pipe, never through
 * argv or the environment of another process.  Its first line counts.
 * Every buffer that held a password is wiped before it is freed.
 */
#include "config.h"

#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <termios.h>
#include <unistd.h>

#include "account.h"
#include "cache.h"
#include "xmalloc.h"

#define ACCOUNT_MAX_SECRET 1024

void
account_free(struct account *a)
{
	FREE(&a->site);
	FREE(&a->user);
	FREE(&a->password_command);
	FREE(&a->password_env);
	FREE(&a->password_file);
}

char *
account_site(const char *url)
{
	const char	*host, *end, *at;
	char		*s, *p;
	size_t		 n;
	int		 https;

	if (strncasecmp(url, "https://", 8) == 0)
		https = 1;
	else if (strncasecmp(url, "http://", 7) == 0)
		https = 0;
	else
		return NULL;
	host = url + (https ? 8 : 7);
	end = host + strcspn(host, "/?#");
	for (at = host; at < end; at++)
		if (*at == '@')
			host = at + 1;
	if (host == end)
		return NULL;
	n = end - host;
	if (https && n > 4 && strncmp(end - 4, ":443", 4) == 0)
		n -= 4;
	else if (!https && n > 3 && strncmp(end - 3, ":80", 3) == 0)
		n -= 3;
	xasprintf(&s, "%s://%.*s", https ? "https" : "http", (int)n, host);
	for (p = s; *p != '\0'; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p += 'a' - 'A';
	return s;
}

int
account_loopback(const char *site)
{
	const char	*h = strstr(site, "://");
	size_t		 n;

	if (h == NULL)
		return 0;
	h += 3;
	n = strcspn(h, ":/");
	if (*h == '[')
		return strncmp(h, "[::1]", 5) == 0;
	if (n == 9 && strncmp(h, "localhost", 9) == 0)
		return 1;
	/* 127.0.0.0/8 written as an address, not "127.example". */
	return n >= 7 && strncmp(h, "127.", 4) == 0 &&
	    strspn(h, "0123456789.") == n;
}

void
account_password_free(char *pw)
{
	volatile char	*p = pw;

	if (pw == NULL)
		return;
	while (*p != '\0')
		*p++ = '\0';
	free(pw);
}

/* Keep the first line of s (which the caller wipes), or NULL. */
static char *
account_first_line(const char *s, size_t len)
{
	size_t	n = 0;

	while (n < len && s[n] != '\n' && s[n] != '\r' && s[n] != '\0')
		n++;
	return n > 0 ? xstrndup(s, n) : NULL;
}

/* cmd split into words; NULL with *cause on an open quote. */
static char **
account_words(const char *cmd, char **cause)
{
	char	**argv = xcalloc(strlen(cmd) / 2 + 2, sizeof *argv);
	char	 *w = xmalloc(strlen(cmd) + 1);
	size_t	  n = 0, k;
	char	  q;

	while (*cmd != '\0') {
		while (*cmd == ' ' || *cmd == '\t')
			cmd++;
		if (*cmd == '\0')
			break;
		for (k = 0, q = 0; *cmd != '\0'; cmd++) {
			if (q == 0 && (*cmd == ' ' || *cmd == '\t'))
				break;
			if (q == 0 && (*cmd == '\'' || *cmd == '"'))
				q = *cmd;
			else if (q != 0 && *cmd == q)
				q = 0;
			else if (*cmd == '\\' && q != '\'' && cmd[1] != '\0')
				w[k++] = *++cmd;
			else
				w[k++] = *cmd;
		}
		if (q != 0) {
			*cause = xstrdup("password command: a quote is not "
			    "closed");
			while (n > 0)
				free(argv[--n]);
			free(argv);
			free(w);
			return NULL;
		}
		argv[n++] = xstrndup(w, k);
	}
	free(w);
	if (n == 0) {
		*cause = xstrdup("password command: empty");
		free(argv);
		return NULL;
	}
	return argv;
}

/* Run the password command; its first line of output. */
static char *
account_run(const char *cmd, char **cause)
{
	char	**argv, buf[ACCOUNT_MAX_SECRET + 1], *pw;
	int	  fd[2], status, i;
	size_t	  len = 0;
	ssize_t	  r;
	pid_t	  pid;

	if ((argv = account_words(cmd, cause)) == NULL)
		return NULL;
	if (pipe(fd) != 0 || (pid = fork()) == -1) {
		xasprintf(cause, "password command: %s", strerror(errno));
		pid = -1;
	} else if (pid == 0) {
		dup2(fd[1], STDOUT_FILENO);
		close(fd[0]);
		close(fd[1]);
		signal(SIGPIPE, SIG_DFL);
		execvp(argv[0], argv);
		fprintf(stderr, "tandem: password command %s: %s\n", argv[0],
		    strerror(errno));
		_exit(127);
	}
	for (i = 0; argv[i] != NULL; i++)
		free(argv[i]);
	free(argv);
	if (pid == -1)
		return NULL;
	close(fd[1]);
	while (len < ACCOUNT_MAX_SECRET && ((r = read(fd[0], buf + len,
	    ACCOUNT_MAX_SECRET - len)) > 0 || (r == -1 && errno == EINTR)))
		if (r > 0)
			len += r;
	close(fd[0]);
	while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
		;
	pw = account_first_line(buf, len);
	explicit_bzero(buf, sizeof buf);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || pw == NULL) {
		account_password_free(pw);
		*cause = xstrdup(!WIFEXITED(status) || WEXITSTATUS(status) != 0 ?
		    "password command failed" :
		    "password command printed no password");
		return NULL;
	}
	return pw;
}

/* The file's first line, if only its owner may read it. */
static char *
account_file(const char *path, char **cause)
{
	struct stat	 sb;
	char		 buf[ACCOUNT_MAX_SECRET + 1], *pw;
	ssize_t		 n;
	int		 fd;

	if ((fd = open(path, O_RDONLY|O_CLOEXEC|O_NOFOLLOW)) == -1 ||
	    fstat(fd, &sb) != 0) {
		xasprintf(cause, "%s: %s", path, strerror(errno));
		if (fd != -1)
			close(fd);
		return NULL;
	}
	if ((sb.st_mode & 077) != 0 || sb.st_uid != geteuid()) {
		close(fd);
		xasprintf(cause, "%s: others may read it (mode %03o); "
		    "refused: chmod 600 %s", path,
		    (unsigned)(sb.st_mode & 0777), path);
		return NULL;
	}
	n = read(fd, buf, ACCOUNT_MAX_SECRET);
	close(fd);
	pw = n > 0 ? account_first_line(buf, n) : NULL;
	explicit_bzero(buf, sizeof buf);
	if (pw == NULL)
		xasprintf(cause, "%s: no password in it", path);
	return pw;
}

char *
account_prompt(const char *prompt, char **cause)
{
	struct termios	 old, quiet;
	char		 buf[ACCOUNT_MAX_SECRET + 2], *pw = NULL;
	FILE		*tty;
	int		 fd, echo_off;

	if ((tty = fopen("/dev/tty", "r+e")) == NULL) {
		*cause = xstrdup("no terminal to ask for the password: use "
		    "--password-command or $TANDEM_PASSWORD");
		return NULL;
	}
	fd = fileno(tty);
	echo_off = tcgetattr(fd, &old) == 0;
	if (echo_off) {
		quiet = old;
		quiet.c_lflag &= ~(ECHO | ECHONL);
		quiet.c_lflag |= ICANON;
		tcsetattr(fd, TCSAFLUSH, &quiet);
	}
	fputs(prompt, tty);
	fflush(tty);
	if (fgets(buf, sizeof buf, tty) != NULL)
		pw = account_first_line(buf, strlen(buf));
	if (echo_off)
		tcsetattr(fd, TCSAFLUSH, &old);
	fputs("\n", tty);
	fclose(tty);
	explicit_bzero(buf, sizeof buf);
	if (pw == NULL)
		*cause = xstrdup("no password given");
	return pw;
}

char *
account_password(const struct account *a, int prompt, char **cause)
{
	const char	*env, *var;
	char		*ask, *pw;

	if (a->password_command != NULL)
		return account_run(a->password_command, cause);
	var = a->password_env != NULL ? a->password_env : "TANDEM_PASSWORD";
	if ((env = getenv(var)) != NULL && *env != '\0')
		return xstrdup(env);
	if (a->password_env != NULL) {
		xasprintf(cause, "$%s is not set", a->password_env);
		return NULL;
	}
	if (a->password_file != NULL)
		return account_file(a->password_file, cause);
	if (!prompt) {
		xasprintf(cause, "no password for %s on %s: tandem login %s "
		    "--user %s --password-command CMD", a->user, a->site,
		    a->site, a->user);
		return NULL;
	}
	xasprintf(&ask, "Application password for %s on %s: ", a->user,
	    a->site);
	pw = account_prompt(ask, cause);
	free(ask);
	return pw;
}

int
account_for_url(struct cache *c, const char *url, struct account *a,
    char **cause)
{
	char	*site;
	int	 rc;

	memset(a, 0, sizeof *a);
	if (url == NULL || (site = account_site(url)) == NULL)
		return 1;
	rc = cache_account_get(c, site, a, cause);
	free(site);
	return rc;
}
