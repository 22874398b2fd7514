CREATE TABLE "rule_fact_cache" (
	"kind" varchar(16) NOT NULL,
	"filter_key" text NOT NULL,
	"year" integer NOT NULL,
	"village_code" varchar(12) NOT NULL,
	"facts" text,
	CONSTRAINT "rule_fact_cache_kind_filter_key_year_village_code_pk" PRIMARY KEY("kind","filter_key","year","village_code")
);
