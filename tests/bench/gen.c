/* gen.c: writes a synthetic data package in ttyatlas's schema, for the
 * benchmarks: N events (default 1,000,000, about 400 MB) with quoted
 * fields, embedded newlines, Chinese and Vietnamese text, BC, partial and
 * circa dates, spans and counts, plus places (in a tree), actors, eras and
 * sources for them to reference. Deterministic: the same N gives the same
 * bytes.
 *
 *	gen DIR [N]
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define NPLACES		2000
#define NACTORS		800
#define NSOURCES	300

static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static uint64_t
next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static unsigned
pick(unsigned n)
{
	return (unsigned)(next() % n);
}

static const char *const en[] = {
	"Forces advance on the town after heavy shelling",
	"Talks resume under \"international\" mediation, with both sides present",
	"Refugees leave the district; roads blocked, convoys stopped",
	"A ceasefire is declared, then broken within days",
	"The council votes to ask for a transfer of the region",
	"Villages change hands twice in one week of fighting",
};
static const char *const zh[] = {
	"部队在猛烈炮击后向城镇推进",
	"在国际调解下恢复谈判，双方均出席",
	"难民离开该地区，道路被封锁",
	"宣布停火，但几天内即被打破",
	"委员会投票要求将该地区划归",
	"村庄在一周的战斗中两度易手",
};
static const char *const zt[] = {
	"部隊在猛烈炮擊後向城鎮推進",
	"在國際調解下恢復談判，雙方均出席",
	"難民離開該地區，道路被封鎖",
	"宣佈停火，但幾天內即被打破",
	"委員會投票要求將該地區劃歸",
	"村莊在一週的戰鬥中兩度易手",
};
static const char *const vi[] = {
	"Lực lượng tiến vào thị trấn sau trận pháo kích dữ dội",
	"Đàm phán nối lại dưới sự hòa giải quốc tế",
	"Người tị nạn rời khỏi huyện; đường bị phong tỏa",
	"Lệnh ngừng bắn được tuyên bố rồi bị phá vỡ",
	"Hội đồng bỏ phiếu đề nghị chuyển giao khu vực",
	"Các làng đổi chủ hai lần trong một tuần giao tranh",
};
static const char *const types[] = {
	"battle", "capture", "ceasefire", "negotiation", "declaration",
	"displacement", "attack", "treaty"
};
static const char *const eras[] = {
	"ancient", "medieval", "early_modern", "modern", "contemporary"
};

/* Writes S as a CSV field, quoting it when it needs quotes. */
static void
field(FILE *fp, const char *s)
{
	if (strpbrk(s, ",\"\n") == NULL) {
		fputs(s, fp);
		return;
	}
	fputc('"', fp);
	for (; *s != '\0'; s++) {
		if (*s == '"')
			fputc('"', fp);
		fputc(*s, fp);
	}
	fputc('"', fp);
}

static void
date(char *buf, size_t size, int year)
{
	unsigned p = pick(10), m = 1 + pick(12), d = 1 + pick(28);
	const char *sign = year < 0 ? "-" : "";
	int y = year < 0 ? -year : year;

	if (p < 5)
		snprintf(buf, size, "%s%04d-%02u-%02u", sign, y, m, d);
	else if (p < 8)
		snprintf(buf, size, "%s%04d-%02u", sign, y, m);
	else if (p < 9)
		snprintf(buf, size, "%s%04d", sign, y);
	else
		snprintf(buf, size, "%s%04d~", sign, y);
}

static FILE *
open_table(const char *dir, const char *name, const char *header)
{
	char path[4096];
	FILE *fp;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	if ((fp = fopen(path, "w")) == NULL) {
		perror(path);
		exit(1);
	}
	fprintf(fp, "%s\n", header);
	return fp;
}

int
main(int argc, char **argv)
{
	unsigned long n = argc > 2 ? strtoul(argv[2], NULL, 10) : 1000000;
	char s1[64], s2[64], buf[1024];
	unsigned long i;
	unsigned k, t;
	FILE *fp;
	int y;

	if (argc < 2) {
		fprintf(stderr, "usage: gen DIR [N]\n");
		return 2;
	}
	if (mkdir(argv[1], 0777) != 0 && errno != EEXIST) {
		perror(argv[1]);
		return 1;
	}
	fp = open_table(argv[1], "sources.csv",
	    "id,kind,lang,title,publisher,date,url,document,section");
	for (i = 0; i < NSOURCES; i++)
		fprintf(fp, "s%lu,document,en,Synthetic source %lu,,,,%03lu,"
		    "Section %lu\n", i, i, i % 5, i);
	fclose(fp);
	fp = open_table(argv[1], "eras.csv",
	    "id,parent_id,start,end,name_en,name_zh_hans,name_zh_hant,name_vi");
	fprintf(fp, "ancient,,-3000,0499,Ancient,古代,古代,Cổ đại\n"
	    "medieval,,0500,1499,Medieval,中世纪,中世紀,Trung đại\n"
	    "early_modern,,1500,1799,Early modern,近代早期,近代早期,Cận đại sớm\n"
	    "modern,,1800,1945,Modern,近代,近代,Cận đại\n"
	    "contemporary,,1946,2024,Contemporary,当代,當代,Đương đại\n");
	fclose(fp);
	fp = open_table(argv[1], "places.csv",
	    "id,kind,lat,lon,parent_id,geonames_id,name_en,name_zh_hans,"
	    "name_zh_hant,name_vi,name_hy,name_az,name_ru,aliases,source_ids,"
	    "coord_source");
	for (i = 0; i < NPLACES; i++) {
		/* Regions, then districts in them, then towns in those. */
		const char *kind = i < 20 ? "region" : i < 200 ? "district" :
		    "town";
		long parent = i < 20 ? -1 : i < 200 ? (long)(i % 20) :
		    (long)(20 + i % 180);

		fprintf(fp, "p%lu,%s,%.5f,%.5f,", i, kind,
		    38.0 + pick(500000) / 100000.0,
		    44.0 + pick(500000) / 100000.0);
		if (parent >= 0)
			fprintf(fp, "p%ld", parent);
		fprintf(fp, ",,Place %lu,地点%lu,地點%lu,Địa điểm %lu,"
		    "Տեղ %lu,Yer %lu,Место %lu,Alias-%lu;Şəhər %lu,s%lu,\n",
		    i, i, i, i, i, i, i, i, i, i % NSOURCES);
	}
	fclose(fp);
	fp = open_table(argv[1], "actors.csv",
	    "id,kind,side,parent_id,start,end,name_en,name_zh_hans,"
	    "name_zh_hant,name_vi,name_native,aliases,source_ids");
	for (i = 0; i < NACTORS; i++) {
		fprintf(fp, "a%lu,%s,%s,", i, i < 10 ? "state" : "unit",
		    i % 2 ? "armenian" : "azerbaijani");
		if (i >= 10)
			fprintf(fp, "a%lu", i % 10);
		fprintf(fp, ",,,Actor %lu,行为者%lu,行為者%lu,Tác nhân %lu,"
		    "Actor %lu,,s%lu\n", i, i, i, i, i, i % NSOURCES);
	}
	fclose(fp);

	fp = open_table(argv[1], "events.csv",
	    "id,start,end,type,era_id,title_en,title_zh_hans,title_zh_hant,"
	    "title_vi,summary_en,summary_zh_hans,summary_zh_hant,summary_vi,"
	    "place_ids,actor_ids,source_ids,fatalities_low,fatalities_best,"
	    "fatalities_high,displaced_low,displaced_best,displaced_high,"
	    "confidence");
	for (i = 0; i < n; i++) {
		k = pick(6);
		/* Mostly modern, some medieval, a few BC. */
		t = pick(100);
		y = t < 3 ? -(int)pick(3000) - 1 : t < 10 ?
		    500 + (int)pick(1300) : 1800 + (int)pick(225);
		date(s1, sizeof s1, y);
		fprintf(fp, "e%lu,%s,", i, s1);
		if (pick(10) == 0) {
			snprintf(s2, sizeof s2, "%04d", y < 0 ? -y : y);
			date(s2, sizeof s2, y + 1 + (int)pick(3));
			fputs(s2, fp);
		}
		fprintf(fp, ",%s,%s,", types[pick(8)],
		    eras[y < 500 ? 0 : y < 1500 ? 1 : y < 1800 ? 2 :
		    y < 1946 ? 3 : 4]);
		snprintf(buf, sizeof buf, "%s (%lu)", en[k], i);
		field(fp, buf);
		fprintf(fp, ",%s,%s,%s,", zh[k], zt[k], vi[k]);
		snprintf(buf, sizeof buf, "%s, \"day %lu\";\nas reported.",
		    en[(k + 1) % 6], i);
		field(fp, buf);
		fprintf(fp, ",%s。,%s。,%s.,p%u;p%u,a%u,s%u;s%u,",
		    zh[(k + 2) % 6], zt[(k + 2) % 6], vi[(k + 3) % 6],
		    pick(NPLACES), pick(NPLACES), pick(NACTORS),
		    pick(NSOURCES), pick(NSOURCES));
		if (pick(4) == 0)
			fprintf(fp, "%u,%u,%u,,,,", 10 + pick(10), 20 + pick(10),
			    30 + pick(10));
		else
			fputs(",,,,,,", fp);
		fputs(t < 50 ? "high\n" : "medium\n", fp);
	}
	fclose(fp);
	for (i = 0; i < 3; i++) {
		static const char *const rest[] = {
			"figures.csv", "statements.csv", "claims.csv"
		};
		static const char *const heads[] = {
			"id,subject_id,measure,low,best,high,unit,as_of,"
			"source_ids,note",
			"id,date,actor_id,event_id,stance,summary_en,"
			"summary_zh_hans,summary_zh_hant,summary_vi,source_ids",
			"id,subject_id,field,value,source_ids,note"
		};
		fclose(open_table(argv[1], rest[i], heads[i]));
	}
	return 0;
}
