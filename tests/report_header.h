/*
 * The header row of an IAM credential report, as AWS writes it, for the
 * programs that make reports: the unit tests and the benchmark's
 * generator.  REPORT_HEADER_REST is everything after "user,arn,".
 */
#ifndef CREDAUDIT_TEST_REPORT_HEADER_H
#define CREDAUDIT_TEST_REPORT_HEADER_H

#define REPORT_HEADER_REST \
	"user_creation_time,password_enabled," \
	"password_last_used,password_last_changed,password_next_rotation," \
	"mfa_active,access_key_1_active,access_key_1_last_rotated," \
	"access_key_1_last_used_date,access_key_1_last_used_region," \
	"access_key_1_last_used_service,access_key_2_active," \
	"access_key_2_last_rotated,access_key_2_last_used_date," \
	"access_key_2_last_used_region,access_key_2_last_used_service," \
	"cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated"

/* The whole header, without its line end. */
#define REPORT_HEADER	"user,arn," REPORT_HEADER_REST

#endif
