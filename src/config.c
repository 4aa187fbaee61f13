/*
 * The configuration file: a small JSON document that adjusts the policy
 * before any report is read.
 *
 *	{ "days": 90,
 *	  "rules": { "RULE": { "days": N, "enabled": BOOL, "severity": S } },
 *	  "suppressions": [ { "account", "user", "rule", "credential" or
 *	      "id", "reason", "expires" } ] }
 *
 * Every key is checked: an unknown or duplicate key, a wrong type or an
 * impossible value stops the run with a message naming the JSON path, so
 * a typo can neither turn a rule off nor widen a suppression.  The
 * top-level "days" is applied before the rules' own "days", whatever the
 * order in the file.  testdata/config-example.json documents each key.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "config.h"
#include "diag.h"
#include "jsondoc.h"
#include "readfile.h"
#include "timeparse.h"
#include "utf8.h"

/* Configs are hand-written and small; anything bigger is a mistake. */
#define CONFIG_MAX_SIZE	(1024 * 1024)
#define CONFIG_PATH_MAX	192

struct config_ctx {
	const char	*path;
	struct policy	*pol;
	struct diag	*diag;
};

static const char *const top_keys[] = { "days", "rules", "suppressions",
    NULL };
static const char *const rule_keys[] = { "days", "enabled", "severity",
    NULL };
static const char *const suppression_keys[] = { "account", "user", "rule",
    "credential", "id", "reason", "expires", NULL };
static const char *const selector_keys[] = { "account", "user", "rule",
    "credential", NULL };

static int __attribute__((format(printf, 3, 4)))
config_error(struct config_ctx *c, const char *jpath, const char *fmt, ...)
{
	char	 msg[256];
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (jpath != NULL)
		diag_report(c->diag, DIAG_ERROR, c->path, 0, "%s: %s", jpath,
		    msg);
	else
		diag_report(c->diag, DIAG_ERROR, c->path, 0, "%s", msg);
	return -1;
}

static bool
config_listed(const char *const *list, const char *name)
{
	for (; *list != NULL; list++)
		if (strcmp(*list, name) == 0)
			return true;
	return false;
}

/* parent.key, with bytes a terminal would act on made harmless. */
static void
config_path_key(char *dst, const char *parent, const char *key)
{
	char	*p;

	/* Paths are at most three levels deep, far below the buffer. */
	if (snprintf(dst, CONFIG_PATH_MAX, "%s.%.64s", parent, key) < 0)
		dst[0] = '\0';
	for (p = dst; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '?';
}

/*
 * cJSON keeps every copy of a repeated key and lookups see only the
 * first, so a repeat would hide a setting: refuse it, and any key not in
 * allowed (NULL: any name, the caller checks).
 */
static int
config_check_keys(struct config_ctx *c, const cJSON *obj, const char *jpath,
    const char *const *allowed)
{
	const cJSON	*it, *prev;
	char		 sub[CONFIG_PATH_MAX];

	cJSON_ArrayForEach(it, obj) {
		if (JSONDOC_HAS_NUL(it->string))
			return config_error(c, jpath, "a key holds a NUL "
			    "character (\\u0000)");
		config_path_key(sub, jpath, it->string);
		for (prev = obj->child; prev != it; prev = prev->next)
			if (strcmp(prev->string, it->string) == 0)
				return config_error(c, sub, "duplicate key");
		if (allowed != NULL && !config_listed(allowed, it->string))
			return config_error(c, sub, "unknown key");
	}
	return 0;
}

static int
config_object(struct config_ctx *c, const cJSON *item, const char *jpath,
    const char *const *allowed)
{
	if (!cJSON_IsObject(item))
		return config_error(c, jpath, "expected an object");
	return config_check_keys(c, item, jpath, allowed);
}

static int
config_days(struct config_ctx *c, const cJSON *item, const char *jpath,
    long *days)
{
	double	 d;

	if (!cJSON_IsNumber(item))
		goto bad;
	d = item->valuedouble;
	if (!(d >= 0 && d <= RULE_MAX_DAYS) || d != (double)(long)d)
		goto bad;
	*days = (long)d;
	return 0;
bad:
	return config_error(c, jpath, "must be a whole number from 0 to %d",
	    RULE_MAX_DAYS);
}

/* A non-empty string; *out points into the document. */
static int
config_string(struct config_ctx *c, const cJSON *item, const char *jpath,
    const char **out)
{
	if (!cJSON_IsString(item) || item->valuestring == NULL)
		return config_error(c, jpath, "expected a string");
	if (item->valuestring[0] == '\0')
		return config_error(c, jpath, "must not be empty");
	/* "*\u0000-legacy" must not quietly become "*". */
	if (JSONDOC_HAS_NUL(item->valuestring))
		return config_error(c, jpath, "holds a NUL character (\\u0000)");
	*out = item->valuestring;
	return 0;
}

static int
config_rule_days(struct config_ctx *c, const cJSON *item, const char *jpath,
    int rule)
{
	long	 days = 0;

	if (rules_table[rule].default_days == RULE_NO_DAYS)
		return config_error(c, jpath, "rule has no threshold");
	if (config_days(c, item, jpath, &days) == -1)
		return -1;
	/* Checked above; this cannot fail. */
	return policy_set_threshold(c->pol, rules_table[rule].id, days, NULL);
}

static int
config_rule_severity(struct config_ctx *c, const cJSON *item,
    const char *jpath, int rule)
{
	const char	*s = NULL;

	if (config_string(c, item, jpath, &s) == -1)
		return -1;
	if (severity_parse(s, &c->pol->severity[rule]) == -1)
		return config_error(c, jpath, "unknown severity \"%.32s\" "
		    "(low, medium, high or critical)", s);
	return 0;
}

static int
config_rule(struct config_ctx *c, const cJSON *obj, const char *jpath,
    int rule)
{
	const cJSON	*it;
	char		 sub[CONFIG_PATH_MAX];

	if (config_object(c, obj, jpath, rule_keys) == -1)
		return -1;
	cJSON_ArrayForEach(it, obj) {
		config_path_key(sub, jpath, it->string);
		if (strcmp(it->string, "days") == 0) {
			if (config_rule_days(c, it, sub, rule) == -1)
				return -1;
		} else if (strcmp(it->string, "enabled") == 0) {
			if (!cJSON_IsBool(it))
				return config_error(c, sub,
				    "expected true or false");
			c->pol->enabled[rule] = cJSON_IsTrue(it);
		} else if (config_rule_severity(c, it, sub, rule) == -1)
			return -1;
	}
	return 0;
}

static int
config_rules(struct config_ctx *c, const cJSON *obj)
{
	const cJSON	*it;
	char		 sub[CONFIG_PATH_MAX];
	int		 rule;

	if (config_object(c, obj, "$.rules", NULL) == -1)
		return -1;
	cJSON_ArrayForEach(it, obj) {
		config_path_key(sub, "$.rules", it->string);
		if ((rule = rules_lookup(it->string)) == -1)
			return config_error(c, sub, "unknown rule");
		if (config_rule(c, it, sub, rule) == -1)
			return -1;
	}
	return 0;
}

static void
suppression_clear(struct suppression *s)
{
	free(s->id);
	free(s->account);
	free(s->user);
	free(s->credential);
	free(s->reason);
	memset(s, 0, sizeof(*s));
	s->rule = -1;
}

static int
config_strdup(struct config_ctx *c, const char *s, size_t len, char **out)
{
	free(*out);
	if ((*out = strndup(s, len)) == NULL)
		return config_error(c, NULL, "%s", strerror(errno));
	return 0;
}

static int
config_sup_rule(struct config_ctx *c, const char *name, const char *jpath,
    struct suppression *s)
{
	if ((s->rule = rules_lookup(name)) == -1)
		return config_error(c, jpath, "unknown rule \"%.64s\"", name);
	return 0;
}

static int
config_sup_credential(struct config_ctx *c, const char *name, size_t len,
    const char *jpath, struct suppression *s)
{
	if (config_strdup(c, name, len, &s->credential) == -1)
		return -1;
	if (!credential_known(s->credential))
		return config_error(c, jpath, "unknown credential \"%.32s\"",
		    s->credential);
	return 0;
}

/*
 * "id": a finding's id, ACCOUNT:USER:RULE:CREDENTIAL, as every output
 * prints it, matched literally: a "*" in it is a "*", never a glob, so
 * an id can only ever hide the one finding it names.  Its rule and
 * credential are checked so that a typo there is an error, not a
 * suppression that never applies.  User names cannot hold a colon, but
 * split from both ends anyway so only the user part could ever hold one.
 */
static int
config_sup_id(struct config_ctx *c, const char *id, const char *jpath,
    struct suppression *s)
{
	const char	*user, *rule, *cred;
	char		 name[64];

	/* user, rule and cred point at the colon before each part. */
	user = strchr(id, ':');
	cred = strrchr(id, ':');
	if (user == NULL || user == id || cred == user || cred[1] == '\0')
		goto bad;
	for (rule = cred - 1; rule > user && *rule != ':'; rule--)
		continue;
	/* Each part non-empty; a rule id is short. */
	if (rule == user || rule == user + 1 || cred == rule + 1 ||
	    (size_t)(cred - rule - 1) >= sizeof(name))
		goto bad;
	snprintf(name, sizeof(name), "%.*s", (int)(cred - rule - 1), rule + 1);
	/* The rule is kept for what the id can match, not to match by. */
	if ((s->rule = rules_lookup(name)) == -1)
		return config_error(c, jpath, "unknown rule \"%.64s\"", name);
	if (!credential_known(cred + 1))
		return config_error(c, jpath, "unknown credential \"%.32s\"",
		    cred + 1);
	return config_strdup(c, id, strlen(id), &s->id);
bad:
	return config_error(c, jpath, "expected ACCOUNT:USER:RULE:CREDENTIAL");
}

static int
config_sup_expires(struct config_ctx *c, const char *when, const char *jpath,
    struct suppression *s)
{
	if (timeparse_date_or_time(when, &s->expires) == -1)
		return config_error(c, jpath,
		    "expected a date YYYY-MM-DD or a timestamp");
	s->has_expires = true;
	return 0;
}

static int
config_sup_field(struct config_ctx *c, const cJSON *it, const char *jpath,
    struct suppression *s)
{
	const char	*key = it->string, *v = NULL;

	if (config_string(c, it, jpath, &v) == -1)
		return -1;
	if (strcmp(key, "account") == 0)
		return config_strdup(c, v, strlen(v), &s->account);
	if (strcmp(key, "user") == 0)
		return config_strdup(c, v, strlen(v), &s->user);
	if (strcmp(key, "rule") == 0)
		return config_sup_rule(c, v, jpath, s);
	if (strcmp(key, "credential") == 0)
		return config_sup_credential(c, v, strlen(v), jpath, s);
	if (strcmp(key, "id") == 0)
		return config_sup_id(c, v, jpath, s);
	if (strcmp(key, "reason") == 0)
		return config_strdup(c, v, strlen(v), &s->reason);
	return config_sup_expires(c, v, jpath, s);
}

/* Fill *s from obj; the caller frees *s whatever the outcome. */
static int
config_suppression(struct config_ctx *c, const cJSON *obj, const char *jpath,
    struct suppression *s)
{
	const cJSON	*it;
	char		 sub[CONFIG_PATH_MAX];
	bool		 has_id;

	if (config_object(c, obj, jpath, suppression_keys) == -1)
		return -1;
	has_id = cJSON_GetObjectItemCaseSensitive(obj, "id") != NULL;
	cJSON_ArrayForEach(it, obj) {
		config_path_key(sub, jpath, it->string);
		/* An id already names all four; a second source is a typo. */
		if (has_id && config_listed(selector_keys, it->string))
			return config_error(c, sub, "not allowed with \"id\"");
		if (config_sup_field(c, it, sub, s) == -1)
			return -1;
	}
	if (s->reason == NULL) {
		config_path_key(sub, jpath, "reason");
		return config_error(c, sub, "missing");
	}
	if (s->id == NULL && s->account == NULL && s->user == NULL &&
	    s->rule == -1 && s->credential == NULL)
		return config_error(c, jpath, "no account, user, rule, "
		    "credential or id: it would suppress every finding");
	return 0;
}

static int
config_suppressions(struct config_ctx *c, const cJSON *arr)
{
	struct policy		*pol = c->pol;
	struct suppression	*grown;
	const cJSON		*it;
	char			 sub[CONFIG_PATH_MAX];
	size_t			 n, i = 0;

	if (!cJSON_IsArray(arr))
		return config_error(c, "$.suppressions", "expected an array");
	if ((n = (size_t)cJSON_GetArraySize(arr)) == 0)
		return 0;
	if (n > SIZE_MAX / sizeof(*grown) - pol->nsuppressions)
		return config_error(c, "$.suppressions", "too many");
	grown = realloc(pol->suppressions,
	    (pol->nsuppressions + n) * sizeof(*grown));
	if (grown == NULL)
		return config_error(c, NULL, "%s", strerror(errno));
	pol->suppressions = grown;
	cJSON_ArrayForEach(it, arr) {
		struct suppression *s = &pol->suppressions[pol->nsuppressions];

		snprintf(sub, sizeof(sub), "$.suppressions[%zu]", i++);
		memset(s, 0, sizeof(*s));
		s->rule = -1;
		if (config_suppression(c, it, sub, s) == -1) {
			suppression_clear(s);
			return -1;
		}
		pol->nsuppressions++;
	}
	return 0;
}

static int
config_apply(struct config_ctx *c, const cJSON *root)
{
	const cJSON	*it;
	long		 days = 0;

	if (config_object(c, root, "$", top_keys) == -1)
		return -1;
	if ((it = cJSON_GetObjectItemCaseSensitive(root, "days")) != NULL) {
		if (config_days(c, it, "$.days", &days) == -1)
			return -1;
		/* In range, checked above. */
		policy_set_unused_days(c->pol, days, NULL);
	}
	if ((it = cJSON_GetObjectItemCaseSensitive(root, "rules")) != NULL &&
	    config_rules(c, it) == -1)
		return -1;
	if ((it = cJSON_GetObjectItemCaseSensitive(root,
	    "suppressions")) != NULL && config_suppressions(c, it) == -1)
		return -1;
	return 0;
}

int
config_parse(const char *path, const char *text, size_t len,
    struct policy *pol, struct diag *d)
{
	struct config_ctx	 c = { path, pol, d };
	cJSON			*root;
	unsigned long		 line;
	int			 rc;

	/*
	 * cJSON passes invalid bytes through into strings, and a
	 * suppression's reason reaches every JSON output.
	 */
	if (!utf8_valid(text, len))
		return config_error(&c, NULL, "not valid UTF-8");
	/* cJSON skips a leading UTF-8 byte order mark itself. */
	if ((root = jsondoc_parse_marked(text, len, &line)) == NULL)
		return line == 0 ? config_error(&c, NULL, "out of memory") :
		    config_error(&c, NULL, "not valid JSON near line %lu",
		    line);
	rc = config_apply(&c, root);
	cJSON_Delete(root);
	return rc;
}

int
config_load(const char *path, struct policy *pol, struct diag *d)
{
	struct config_ctx	 c = { path, pol, d };
	char			*buf;
	size_t			 len;
	int			 opened, rc;

	if (readfile_path(path, CONFIG_MAX_SIZE, &buf, &len, &opened) == -1) {
		if (!opened)
			return config_error(&c, NULL, "cannot open: %s",
			    strerror(errno));
		if (errno == EFBIG)
			return config_error(&c, NULL, "larger than 1 MiB");
		if (errno == ENOMEM)
			return config_error(&c, NULL, "%s", strerror(errno));
		return config_error(&c, NULL, "read error: %s",
		    strerror(errno));
	}
	rc = config_parse(path, buf, len, pol, d);
	free(buf);
	return rc;
}
