/*
 * ocsf_check: hold OCSF events, one JSON object per line, to a subset of
 * the OCSF schema's definitions (testdata/ocsf/, which names its source
 * and version).
 *
 *	ocsf_check SCHEMA [FILE]
 *
 * For every event, recursively through the objects the schema names:
 * each required attribute is present and not null; each present
 * attribute is one the schema defines (anything else belongs under
 * unmapped); its value has the attribute's type (string_t a string,
 * integer_t a 32-bit integer, long_t a 64-bit integer, timestamp_t
 * milliseconds as a non-negative long, object any object, an object
 * name an object of that kind), an array where the attribute is one; an
 * enumerated integer holds one of the listed values and its sibling
 * string, when present, the value's caption; at least one of an object's
 * at_least_one attributes is present; type_uid is class_uid * 100 +
 * activity_id; an attribute of a profile appears only when the event
 * declares the profile in metadata.profiles, and a declared profile's
 * required attributes are present.  Each problem is printed as
 * "LINE: PATH: what"; the exit status is 1 when there was one, 2 when
 * the input or the schema could not be read.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

struct check {
	const cJSON	*objects;	/* the schema's "objects" */
	const cJSON	*profiles;	/* the event's metadata.profiles */
	long		 line;
	unsigned long	 problems;
};

static void
problem(struct check *c, const char *path, const char *what, const char *arg)
{
	printf("%ld: %s: %s%s%s\n", c->line, path, what, arg != NULL ? " " : "",
	    arg != NULL ? arg : "");
	c->problems++;
}

static bool
is_integer(const cJSON *v, double lo, double hi)
{
	double	 d;

	if (!cJSON_IsNumber(v))
		return false;
	d = v->valuedouble;
	return d >= lo && d <= hi && d == (double)(int64_t)d;
}

static bool
declared(const struct check *c, const char *profile)
{
	const cJSON	*p;

	cJSON_ArrayForEach(p, c->profiles)
		if (cJSON_IsString(p) && strcmp(p->valuestring, profile) == 0)
			return true;
	return false;
}

static void check_object(struct check *, const char *, const char *,
    const cJSON *);

/* One value (not an array) against the attribute's type. */
static void
check_value(struct check *c, const char *path, const cJSON *attr,
    const cJSON *v)
{
	const char	*type = cJSON_GetObjectItemCaseSensitive(attr,
	    "type")->valuestring;

	if (strcmp(type, "string_t") == 0) {
		if (!cJSON_IsString(v))
			problem(c, path, "not a string", NULL);
	} else if (strcmp(type, "integer_t") == 0) {
		if (!is_integer(v, -2147483648.0, 2147483647.0))
			problem(c, path, "not a 32-bit integer", NULL);
	} else if (strcmp(type, "long_t") == 0) {
		if (!is_integer(v, -9007199254740992.0, 9007199254740992.0))
			problem(c, path, "not a long integer", NULL);
	} else if (strcmp(type, "timestamp_t") == 0) {
		if (!is_integer(v, 0, 9007199254740992.0))
			problem(c, path, "not a timestamp in milliseconds", NULL);
	} else if (strcmp(type, "boolean_t") == 0) {
		if (!cJSON_IsBool(v))
			problem(c, path, "not a boolean", NULL);
	} else if (strcmp(type, "object") == 0) {
		if (!cJSON_IsObject(v))
			problem(c, path, "not an object", NULL);
	} else if (!cJSON_IsObject(v))
		problem(c, path, "not an object of type", type);
	else
		check_object(c, path, type, v);
}

/* An enumerated integer and, when present, its sibling caption. */
static void
check_enum(struct check *c, const char *path, const cJSON *attr,
    const cJSON *v, const cJSON *obj)
{
	const cJSON	*e = cJSON_GetObjectItemCaseSensitive(attr, "enum");
	const cJSON	*sib = cJSON_GetObjectItemCaseSensitive(attr, "sibling");
	const cJSON	*caption, *s;
	char		 key[32];

	if (e == NULL || !is_integer(v, -9007199254740992.0,
	    9007199254740992.0))
		return;
	snprintf(key, sizeof(key), "%.0f", v->valuedouble);
	if ((caption = cJSON_GetObjectItemCaseSensitive(e, key)) == NULL) {
		problem(c, path, "not one of the enumerated values:", key);
		return;
	}
	if (sib == NULL || (s = cJSON_GetObjectItemCaseSensitive(obj,
	    sib->valuestring)) == NULL)
		return;
	if (!cJSON_IsString(s) || strcmp(s->valuestring, caption->valuestring)
	    != 0)
		problem(c, path, "sibling does not hold the caption",
		    caption->valuestring);
}

static void
check_attribute(struct check *c, const char *path, const cJSON *attr,
    const cJSON *v, const cJSON *obj)
{
	const cJSON	*arr = cJSON_GetObjectItemCaseSensitive(attr, "is_array");
	const cJSON	*item;
	char		 sub[512];
	int		 i = 0;

	if (cJSON_IsTrue(arr)) {
		if (!cJSON_IsArray(v)) {
			problem(c, path, "not an array", NULL);
			return;
		}
		cJSON_ArrayForEach(item, v) {
			snprintf(sub, sizeof(sub), "%.480s[%d]", path, i++);
			check_value(c, sub, attr, item);
		}
		return;
	}
	check_value(c, path, attr, v);
	check_enum(c, path, attr, v, obj);
}

static void
check_object(struct check *c, const char *path, const char *type,
    const cJSON *obj)
{
	const cJSON	*def = cJSON_GetObjectItemCaseSensitive(c->objects, type);
	const cJSON	*attrs, *attr, *v, *req, *prof, *one;
	char		 sub[512];
	bool		 any;

	if (def == NULL) {
		problem(c, path, "the schema subset lacks object", type);
		return;
	}
	attrs = cJSON_GetObjectItemCaseSensitive(def, "attributes");
	cJSON_ArrayForEach(v, obj) {
		snprintf(sub, sizeof(sub), "%.380s%s%.120s", path, *path ? "." : "",
		    v->string);
		if ((attr = cJSON_GetObjectItemCaseSensitive(attrs, v->string)) ==
		    NULL) {
			problem(c, sub, "not an attribute of", type);
			continue;
		}
		prof = cJSON_GetObjectItemCaseSensitive(attr, "profile");
		if (prof != NULL && !declared(c, prof->valuestring))
			problem(c, sub, "belongs to a profile not declared:",
			    prof->valuestring);
		check_attribute(c, sub, attr, v, obj);
	}
	cJSON_ArrayForEach(attr, attrs) {
		req = cJSON_GetObjectItemCaseSensitive(attr, "requirement");
		prof = cJSON_GetObjectItemCaseSensitive(attr, "profile");
		if (strcmp(req->valuestring, "required") != 0 ||
		    (prof != NULL && !declared(c, prof->valuestring)))
			continue;
		v = cJSON_GetObjectItemCaseSensitive(obj, attr->string);
		if (v == NULL || cJSON_IsNull(v)) {
			snprintf(sub, sizeof(sub), "%.380s%s%.120s", path,
			    *path ? "." : "", attr->string);
			problem(c, sub, "required, missing", NULL);
		}
	}
	if ((one = cJSON_GetObjectItemCaseSensitive(def, "at_least_one")) !=
	    NULL) {
		any = false;
		cJSON_ArrayForEach(v, one)
			any |= cJSON_GetObjectItemCaseSensitive(obj,
			    v->valuestring) != NULL;
		if (!any)
			problem(c, *path ? path : "(event)",
			    "has none of its at_least_one attributes", NULL);
	}
}

static void
check_event(struct check *c, const cJSON *schema, const cJSON *ev)
{
	const cJSON	*cls = cJSON_GetObjectItemCaseSensitive(ev, "class_uid");
	const cJSON	*act = cJSON_GetObjectItemCaseSensitive(ev, "activity_id");
	const cJSON	*tu = cJSON_GetObjectItemCaseSensitive(ev, "type_uid");
	const cJSON	*md = cJSON_GetObjectItemCaseSensitive(ev, "metadata");
	const cJSON	*want = cJSON_GetObjectItemCaseSensitive(schema,
	    "class_uid");

	if (!cJSON_IsObject(ev)) {
		problem(c, "(event)", "not a JSON object", NULL);
		return;
	}
	c->profiles = cJSON_GetObjectItemCaseSensitive(md, "profiles");
	check_object(c, "", cJSON_GetObjectItemCaseSensitive(schema,
	    "event")->valuestring, ev);
	if (cJSON_IsNumber(cls) && cls->valuedouble != want->valuedouble)
		problem(c, "class_uid", "not the class of the schema", NULL);
	if (cJSON_IsNumber(cls) && cJSON_IsNumber(act) && cJSON_IsNumber(tu) &&
	    tu->valuedouble != cls->valuedouble * 100 + act->valuedouble)
		problem(c, "type_uid", "is not class_uid * 100 + activity_id",
		    NULL);
}

static char *
slurp(FILE *fp)
{
	char	*buf = NULL;
	size_t	 len = 0, n;
	char	 chunk[65536];

	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0) {
		char	*p = realloc(buf, len + n + 1);

		if (p == NULL) {
			free(buf);
			return NULL;
		}
		buf = p;
		memcpy(buf + len, chunk, n);
		len += n;
	}
	if (ferror(fp)) {
		free(buf);
		return NULL;
	}
	if (buf == NULL && (buf = malloc(1)) == NULL)
		return NULL;
	buf[len] = '\0';
	return buf;
}

int
main(int argc, char *argv[])
{
	struct check	 c;
	cJSON		*schema = NULL, *ev;
	FILE		*sfp, *in = stdin;
	char		*text = NULL, *stext = NULL, *line, *save = NULL;
	unsigned long	 events = 0;
	int		 status = 2;

	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: ocsf_check SCHEMA [FILE]\n");
		return 2;
	}
	if ((sfp = fopen(argv[1], "r")) == NULL ||
	    (stext = slurp(sfp)) == NULL ||
	    (schema = cJSON_Parse(stext)) == NULL) {
		fprintf(stderr, "ocsf_check: %s: cannot read the schema\n",
		    argv[1]);
		goto done;
	}
	if (argc == 3 && (in = fopen(argv[2], "r")) == NULL) {
		perror(argv[2]);
		goto done;
	}
	if ((text = slurp(in)) == NULL)
		goto done;
	memset(&c, 0, sizeof(c));
	c.objects = cJSON_GetObjectItemCaseSensitive(schema, "objects");
	for (line = text; line != NULL && *line != '\0'; line = save) {
		save = strchr(line, '\n');
		if (save != NULL)
			*save++ = '\0';
		c.line++;
		if ((ev = cJSON_Parse(line)) == NULL) {
			problem(&c, "(event)", "not JSON", NULL);
			continue;
		}
		check_event(&c, schema, ev);
		cJSON_Delete(ev);
		events++;
	}
	printf("ocsf_check: %lu event%s, %lu problem%s\n", events,
	    events == 1 ? "" : "s", c.problems, c.problems == 1 ? "" : "s");
	status = c.problems > 0 ? 1 : 0;
done:
	if (sfp != NULL)
		fclose(sfp);
	if (in != NULL && in != stdin)
		fclose(in);
	cJSON_Delete(schema);
	free(stext);
	free(text);
	return status;
}
