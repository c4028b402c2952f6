/* Output files written beside their destination and renamed into place
 * (see outfile.h). */
#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void reset(OutFile *o)
{
    free(o->path);
    free(o->tmp);
    memset(o, 0, sizeof *o);
}

int outfile_open(OutFile *o, const char *path, const char *input, StrBuf *err)
{
    memset(o, 0, sizeof *o);
    if (!strcmp(path, "-")) {
        o->f = stdout;
        o->is_stdout = 1;
        return 0;
    }
    struct stat st, in;
    int exists = stat(path, &st) == 0;
    if (exists && input && stat(input, &in) == 0 && in.st_dev == st.st_dev && in.st_ino == st.st_ino) {
        sb_printf(err, "%s: is the input %s; refusing to write over it", path, input);
        return -1;
    }
    if (exists && S_ISDIR(st.st_mode)) {
        sb_printf(err, "%s: is a directory", path);
        return -1;
    }
    if (exists && !S_ISREG(st.st_mode)) {
        /* a device, FIFO or socket: written straight, never replaced */
        int fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
        if (fd < 0 || !(o->f = fdopen(fd, "w"))) {
            sb_printf(err, "%s: %s", path, strerror(errno));
            if (fd >= 0) close(fd);
            return -1;
        }
        o->path = xstrdup(path);
        return 0;
    }
    /* a symlink to a regular file: replace the file it names, keep the link */
    char *real = NULL;
    if (exists) {
        char *r = realpath(path, NULL);
        if (r) {
            real = xstrdup(r);
            free(r);
        }
    }
    o->path = real ? real : xstrdup(path);
    StrBuf t = {0};
    const char *slash = strrchr(o->path, '/');
    if (slash)
        sb_printf(&t, "%.*s.%s.XXXXXX", (int)(slash - o->path + 1), o->path, slash + 1);
    else
        sb_printf(&t, ".%s.XXXXXX", o->path);
    o->tmp = sb_take(&t);
    int fd = mkostemp(o->tmp, O_CLOEXEC);
    if (fd < 0) {
        sb_printf(err, "%s: %s", path, strerror(errno));
        reset(o);
        return -1;
    }
    if (exists) {
        (void)!fchown(fd, st.st_uid, st.st_gid);
        fchmod(fd, st.st_mode & 07777);
    } else {
        mode_t um = umask(0);
        umask(um);
        fchmod(fd, 0666 & ~um);
    }
    if (!(o->f = fdopen(fd, "w"))) {
        sb_printf(err, "%s: %s", path, strerror(errno));
        close(fd);
        unlink(o->tmp);
        reset(o);
        return -1;
    }
    return 0;
}

int outfile_commit(OutFile *o, StrBuf *err)
{
    if (!o->f) return -1;
    int rc = 0;
    if (o->is_stdout) {
        if (fflush(stdout) != 0 || ferror(stdout)) {
            sb_printf(err, "-: write failed: %s", strerror(errno));
            rc = -1;
        }
        reset(o);
        return rc;
    }
    errno = 0;
    int bad = fflush(o->f) != 0 || ferror(o->f);
    int e = errno;
    if (fclose(o->f) != 0 && !bad) {
        bad = 1;
        e = errno;
    }
    o->f = NULL;
    if (bad) {
        sb_printf(err, "%s: write failed%s%s", o->path, e ? ": " : "", e ? strerror(e) : "");
        rc = -1;
    } else if (o->tmp && rename(o->tmp, o->path) != 0) {
        sb_printf(err, "%s: %s", o->path, strerror(errno));
        rc = -1;
    }
    if (rc < 0 && o->tmp) unlink(o->tmp);
    reset(o);
    return rc;
}

void outfile_abort(OutFile *o)
{
    if (o->f && !o->is_stdout) fclose(o->f);
    else if (o->is_stdout) fflush(stdout);
    if (o->tmp) unlink(o->tmp);
    reset(o);
}
