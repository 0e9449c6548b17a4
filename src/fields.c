/* fields.c: the columns of the tables as people read them (fields.h). */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "fields.h"
#include "i18n.h"
#include "schema.h"
#include "xalloc.h"

/* The labels of the columns, the same in every table. */
static const struct {
	const char	*column;
	const char	*label;
} fields_labels[] = {
	/* TRANSLATORS: the labels of the lines of "ttyatlas show" for a
	 * place, an actor, an era, a source, a figure, a claim, a statement
	 * or a control row, and of a place's or actor's detail on screen. */
	{ "id", N_("id:") },
	{ "kind", N_("kind:") },
	{ "lat", N_("latitude:") },
	{ "lon", N_("longitude:") },
	{ "parent_id", N_("part of:") },
	{ "geonames_id", N_("GeoNames id:") },
	{ "name_en", N_("English name:") },
	{ "name_zh_hans", N_("simplified Chinese name:") },
	{ "name_zh_hant", N_("traditional Chinese name:") },
	{ "name_vi", N_("Vietnamese name:") },
	{ "name_hy", N_("Armenian name:") },
	{ "name_az", N_("Azerbaijani name:") },
	{ "name_ru", N_("Russian name:") },
	{ "name_native", N_("native name:") },
	{ "aliases", N_("other names:") },
	{ "coord_source", N_("position from:") },
	{ "side", N_("side:") },
	{ "start", N_("start:") },
	{ "end", N_("end:") },
	{ "lang", N_("language:") },
	{ "title", N_("title:") },
	{ "publisher", N_("publisher:") },
	{ "date", N_("date:") },
	{ "url", N_("URL:") },
	{ "document", N_("document:") },
	{ "section", N_("section:") },
	{ "subject_id", N_("about:") },
	{ "measure", N_("measure:") },
	{ "low", N_("low:") },
	{ "best", N_("best:") },
	{ "high", N_("high:") },
	{ "unit", N_("unit:") },
	{ "as_of", N_("as of:") },
	{ "note", N_("note:") },
	{ "field", N_("field:") },
	{ "value", N_("value:") },
	{ "actor_id", N_("actor:") },
	{ "event_id", N_("event:") },
	{ "stance", N_("stance:") },
	{ "summary_en", N_("English summary:") },
	{ "summary_zh_hans", N_("simplified Chinese summary:") },
	{ "summary_zh_hant", N_("traditional Chinese summary:") },
	{ "summary_vi", N_("Vietnamese summary:") },
	{ "area_id", N_("area:") },
	{ "controller_id", N_("held by:") },
	{ "cause_event_id", N_("because of:") },
	{ "source_ids", N_("sources:") },
	{ "confidence", N_("confidence:") },
};

/* The contexts (C_() in i18n.h) of the columns whose values are words of
 * the data's vocabulary. */
static const char *const fields_contexts[][3] = {
	{ "places", "kind", "place kind" },
	{ "actors", "kind", "actor kind" },
	{ "actors", "side", "actor side" },
	{ "events", "type", "event type" },
	{ "events", "confidence", "confidence" },
	{ "statements", "stance", "stance" },
	{ "figures", "measure", "figure measure" },
	{ "figures", "unit", "figure unit" },
	{ "claims", "field", "claim field" },
	{ "control", "kind", "control kind" },
	{ "control", "confidence", "confidence" },
	{ "sources", "kind", "source kind" },
};

/*
 * The open vocabulary: the words the default atlas's figures, claims,
 * control rows and sources use, listed for xgettext (the data is free to
 * use others, shown as they are written). The closed lists (the kinds of
 * places and actors, the types of events, the stances) are the schemas'.
 */
static const char *const fields_measures[] = {
	NC_("figure measure", "administrative_units"),
	NC_("figure measure", "aid"),
	NC_("figure measure", "aircraft"),
	NC_("figure measure", "aircraft_an12"),
	NC_("figure measure", "aircraft_an24"),
	NC_("figure measure", "aircraft_il76"),
	NC_("figure measure", "aircraft_l29"),
	NC_("figure measure", "aircraft_l39"),
	NC_("figure measure", "aircraft_mig21"),
	NC_("figure measure", "aircraft_mig25"),
	NC_("figure measure", "aircraft_su17_su22"),
	NC_("figure measure", "aircraft_su24"),
	NC_("figure measure", "aircraft_su25"),
	NC_("figure measure", "aircraft_tu134"),
	NC_("figure measure", "airfields"),
	NC_("figure measure", "ammunition_railcars"),
	NC_("figure measure", "apcs_captured"),
	NC_("figure measure", "area"),
	NC_("figure measure", "area_held_exclaves"),
	NC_("figure measure", "area_held_total"),
	NC_("figure measure", "area_share"),
	NC_("figure measure", "armenian_share"),
	NC_("figure measure", "armenian_share_of_population"),
	NC_("figure measure", "armoured_personnel_carriers"),
	NC_("figure measure", "armoured_vehicles"),
	NC_("figure measure", "armoured_vehicles_acquired"),
	NC_("figure measure", "artillery"),
	NC_("figure measure", "artillery_acquired"),
	NC_("figure measure", "artillery_captured"),
	NC_("figure measure", "battalions_disbanded"),
	NC_("figure measure", "boycotting_republics"),
	NC_("figure measure", "civilians_killed"),
	NC_("figure measure", "civilians_missing"),
	NC_("figure measure", "combat_aircraft"),
	NC_("figure measure", "conscripts"),
	NC_("figure measure", "cost"),
	NC_("figure measure", "density"),
	NC_("figure measure", "detachment_size"),
	NC_("figure measure", "displaced"),
	NC_("figure measure", "distance_from_baku"),
	NC_("figure measure", "distance_from_stepanakert"),
	NC_("figure measure", "districts_returned"),
	NC_("figure measure", "districts_taken"),
	NC_("figure measure", "divisions"),
	NC_("figure measure", "drones"),
	NC_("figure measure", "duration"),
	NC_("figure measure", "federation_duration"),
	NC_("figure measure", "freight_cars"),
	NC_("figure measure", "funding"),
	NC_("figure measure", "grad_rockets_per_day"),
	NC_("figure measure", "grain"),
	NC_("figure measure", "helicopters"),
	NC_("figure measure", "helicopters_mi2"),
	NC_("figure measure", "helicopters_mi24"),
	NC_("figure measure", "helicopters_mi8_mi17"),
	NC_("figure measure", "hospitalised"),
	NC_("figure measure", "hostages"),
	NC_("figure measure", "houses_burned"),
	NC_("figure measure", "ifvs_captured"),
	NC_("figure measure", "infant_formula"),
	NC_("figure measure", "killed"),
	NC_("figure measure", "killed_armenians"),
	NC_("figure measure", "killed_azerbaijanis"),
	NC_("figure measure", "killed_soldiers"),
	NC_("figure measure", "member_states"),
	NC_("figure measure", "members"),
	NC_("figure measure", "men_of_military_age"),
	NC_("figure measure", "military_advisers"),
	NC_("figure measure", "missing"),
	NC_("figure measure", "missionary_journeys"),
	NC_("figure measure", "oil_production"),
	NC_("figure measure", "omon_personnel"),
	NC_("figure measure", "personnel"),
	NC_("figure measure", "pilot_monthly_pay"),
	NC_("figure measure", "population"),
	NC_("figure measure", "positions_captured"),
	NC_("figure measure", "principalities"),
	NC_("figure measure", "prisoners"),
	NC_("figure measure", "protesters"),
	NC_("figure measure", "provinces"),
	NC_("figure measure", "rail_share_of_goods"),
	NC_("figure measure", "recruited"),
	NC_("figure measure", "refugee_capacity"),
	NC_("figure measure", "refugees"),
	NC_("figure measure", "settlements"),
	NC_("figure measure", "share_with_soviet_service"),
	NC_("figure measure", "signatures"),
	NC_("figure measure", "soviet_army_veterans_share"),
	NC_("figure measure", "tanks"),
	NC_("figure measure", "tanks_acquired"),
	NC_("figure measure", "tanks_captured"),
	NC_("figure measure", "territory_held_by_armenian_forces"),
	NC_("figure measure", "value"),
	NC_("figure measure", "violations"),
	NC_("figure measure", "votes_abstain"),
	NC_("figure measure", "votes_against"),
	NC_("figure measure", "votes_for"),
	NC_("figure measure", "wounded"),
	NULL
};

static const char *const fields_units[] = {
	NC_("figure unit", "Armenian civilians"),
	NC_("figure unit", "Azerbaijani civilians"),
	NC_("figure unit", "BMP-2"),
	NC_("figure unit", "ECU"),
	NC_("figure unit", "Mi-24 lost"),
	NC_("figure unit", "T-72 tanks"),
	NC_("figure unit", "UAVs crashed"),
	NC_("figure unit", "USD"),
	NC_("figure unit", "aircraft"),
	NC_("figure unit", "airfields"),
	NC_("figure unit", "battalions"),
	NC_("figure unit", "civilians"),
	NC_("figure unit", "combat positions"),
	NC_("figure unit", "combat vehicles captured"),
	NC_("figure unit", "days"),
	NC_("figure unit", "deputies"),
	NC_("figure unit", "districts"),
	NC_("figure unit", "divisions"),
	NC_("figure unit", "families"),
	NC_("figure unit", "freight cars"),
	NC_("figure unit", "helicopters"),
	NC_("figure unit", "houses"),
	NC_("figure unit", "incidents"),
	NC_("figure unit", "infantry fighting vehicles captured"),
	NC_("figure unit", "journeys"),
	NC_("figure unit", "km"),
	NC_("figure unit", "km2"),
	NC_("figure unit", "melikdoms"),
	NC_("figure unit", "men"),
	NC_("figure unit", "military posts"),
	NC_("figure unit", "military vehicles destroyed"),
	NC_("figure unit", "million tonnes per year"),
	NC_("figure unit", "months"),
	NC_("figure unit", "mortars captured"),
	NC_("figure unit", "officers"),
	NC_("figure unit", "peacekeepers"),
	NC_("figure unit", "people"),
	NC_("figure unit", "people/km2"),
	NC_("figure unit", "percent"),
	NC_("figure unit", "persons"),
	NC_("figure unit", "persons/km2"),
	NC_("figure unit", "pieces"),
	NC_("figure unit", "provinces"),
	NC_("figure unit", "railroad cars"),
	NC_("figure unit", "railway wagons"),
	NC_("figure unit", "republics"),
	NC_("figure unit", "residents"),
	NC_("figure unit", "rockets"),
	NC_("figure unit", "roubles"),
	NC_("figure unit", "rubles"),
	NC_("figure unit", "servicemen"),
	NC_("figure unit", "settlements"),
	NC_("figure unit", "signatures"),
	NC_("figure unit", "soldiers"),
	NC_("figure unit", "states"),
	NC_("figure unit", "tanks"),
	NC_("figure unit", "tanks captured"),
	NC_("figure unit", "tanks lost"),
	NC_("figure unit", "tonnes"),
	NC_("figure unit", "tonnes of food and hygiene goods (2 trucks)"),
	NC_("figure unit", "tonnes per year"),
	NC_("figure unit", "units"),
	NC_("figure unit", "vehicles"),
	NC_("figure unit", "votes"),
	NC_("figure unit", "years"),
	NULL
};

static const char *const fields_claim_fields[] = {
	NC_("claim field", "aircraft"),
	NC_("claim field", "area_share"),
	NC_("claim field", "armenian_share"),
	NC_("claim field", "armenian_share_of_population"),
	NC_("claim field", "armoured_personnel_carriers"),
	NC_("claim field", "armoured_vehicles"),
	NC_("claim field", "artillery"),
	NC_("claim field", "as_of"),
	NC_("claim field", "azerbaijanis_killed_in_armenia"),
	NC_("claim field", "cause"),
	NC_("claim field", "civilians_killed"),
	NC_("claim field", "description"),
	NC_("claim field", "detachment_group_commander_rank"),
	NC_("claim field", "displaced"),
	NC_("claim field", "end"),
	NC_("claim field", "ethnicity"),
	NC_("claim field", "fatalities"),
	NC_("claim field", "fatalities_best"),
	NC_("claim field", "killed"),
	NC_("claim field", "last_republics_to_declare"),
	NC_("claim field", "mediation"),
	NC_("claim field", "member_states"),
	NC_("claim field", "members"),
	NC_("claim field", "name"),
	NC_("claim field", "notice"),
	NC_("claim field", "outcome"),
	NC_("claim field", "personnel"),
	NC_("claim field", "place"),
	NC_("claim field", "population"),
	NC_("claim field", "positions_captured"),
	NC_("claim field", "prior_status"),
	NC_("claim field", "province"),
	NC_("claim field", "start"),
	NC_("claim field", "sultanov_role"),
	NC_("claim field", "tanks"),
	NC_("claim field", "territory_held_by_armenian_forces"),
	NC_("claim field", "transcaucasian_sfsr_formed_within"),
	NC_("claim field", "unit"),
	NC_("claim field", "value"),
	NC_("claim field", "victim"),
	NC_("claim field", "wounded"),
	NULL
};

static const char *const fields_control_kinds[] = {
	NC_("control kind", "de_facto"),
	NC_("control kind", "de_jure"),
	NULL
};

static const char *const fields_source_kinds[] = {
	NC_("source kind", "document"),
	NC_("source kind", "reference"),
	NULL
};

static const struct {
	const char		*context;
	const char *const	*words;
} fields_vocabularies[] = {
	{ "figure measure", fields_measures },
	{ "figure unit", fields_units },
	{ "claim field", fields_claim_fields },
	{ "control kind", fields_control_kinds },
	{ "source kind", fields_source_kinds },
};

/* Returns the label of column C of SC in the interface's language, or
 * NULL if the column is none this file knows. */
const char *
fields_label(const struct schema *sc, const struct schema_column *c)
{
	size_t i;

	(void)sc;
	for (i = 0; i < sizeof fields_labels / sizeof fields_labels[0]; i++)
		if (strcmp(fields_labels[i].column, c->name) == 0)
			return _(fields_labels[i].label);
	return NULL;
}

/* Returns the gettext context of column C of SC when its values are
 * words of the data's vocabulary, else NULL. */
const char *
fields_context(const struct schema *sc, const struct schema_column *c)
{
	size_t i;

	for (i = 0; i < sizeof fields_contexts / sizeof fields_contexts[0];
	    i++)
		if (strcmp(sc->table, fields_contexts[i][0]) == 0 &&
		    strcmp(c->name, fields_contexts[i][1]) == 0)
			return fields_contexts[i][2];
	return NULL;
}

/*
 * Returns the value of column C of ROW (a row of SC) for people reading
 * language L: vocabulary translated, dates in L's way, numbers as short
 * as they can be; "" if the row has none. BUF (SIZE bytes) may hold it.
 */
const char *
fields_value(const struct schema *sc, const struct schema_column *c,
    const void *row, enum lang l, char *buf, size_t size)
{
	const char *src = (const char *)row + c->offset, *v, *ctx;
	double d;

	switch (c->kind) {
	case SCHEMA_DATE:
		if (!date_is_set((const struct date *)src))
			return "";
		date_format_lang(buf, size, (const struct date *)src, l);
		return buf;
	case SCHEMA_REAL:
		d = *(const double *)src;
		if (isnan(d))
			return "";
		snprintf(buf, size, "%.15g", d);
		return buf;
	default:
		v = schema_field_text(c, row, buf, size);
		if (*v != '\0' && (ctx = fields_context(sc, c)) != NULL)
			v = C_(ctx, v);
		return v;
	}
}

/*
 * Returns the line for people of column C of ROW (a row of SC) in language
 * L, allocated: its label, a space and its value (fields_value()), a list
 * (of ids, of other names) with a space after each ';' so it wraps; the
 * length of the label goes to *LABEL_LEN if it is not NULL. Returns NULL
 * if the row has no value there.
 */
char *
fields_line(const struct schema *sc, const struct schema_column *c,
    const void *row, enum lang l, size_t *label_len)
{
	const char *label = fields_label(sc, c), *v, *p;
	char buf[64], *line, *o;
	size_t n;
	int list = c->kind == SCHEMA_IDLIST || strcmp(c->name, "aliases") == 0;

	v = fields_value(sc, c, row, l, buf, sizeof buf);
	if (*v == '\0')
		return NULL;
	n = strlen(label != NULL ? label : c->name) + 2 + strlen(v) * 2 + 1;
	o = line = xmalloc(n);
	o += snprintf(o, n, label != NULL ? "%s " : "%s: ",
	    label != NULL ? label : c->name);
	if (label_len != NULL)
		*label_len = (size_t)(o - line) - 1;
	for (p = v; *p != '\0'; p++) {
		*o++ = *p;
		if (list && *p == ';' && p[1] != '\0' && p[1] != ' ')
			*o++ = ' ';
	}
	*o = '\0';
	return line;
}

/* Returns the words of the open vocabulary of CONTEXT ("figure measure",
 * "figure unit", "claim field", "control kind", "source kind"), NULL
 * terminated, or NULL for another context. */
const char *const *
fields_vocabulary(const char *context)
{
	size_t i;

	for (i = 0; i < sizeof fields_vocabularies /
	    sizeof fields_vocabularies[0]; i++)
		if (strcmp(fields_vocabularies[i].context, context) == 0)
			return fields_vocabularies[i].words;
	return NULL;
}
