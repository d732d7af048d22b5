#ifndef STARROCKS_DRIFT_CMARIADB_SHIM_H
#define STARROCKS_DRIFT_CMARIADB_SHIM_H
#include <mysql.h>
#include <mysql/plugin_auth.h>
#include <stdarg.h>
#include <string.h>

/* The name under which the TLS guard registers; it is also the first entry of the allowed plugins. */
#define DRIFT_TLS_GUARD_PLUGIN "drift_tls_guard"
/* libmariadb's CR_PLUGIN_NOT_ALLOWED: the server asked for an authentication plugin outside the allowed list. */
#define DRIFT_CR_PLUGIN_NOT_ALLOWED 5010

/* The layout of libmariadb's struct st_mysql_client_plugin_AUTHENTICATION. mysql/client_plugin.h cannot be
   included: in Debian's libmariadb-dev 3.3 it includes ma_compress.h, which the package does not ship. */
struct drift_auth_plugin {
  int type;
  unsigned int interface_version;
  const char *name;
  const char *author;
  const char *desc;
  unsigned int version[3];
  const char *license;
  void *mysql_api;
  int (*init)(char *, size_t, int, va_list);
  int (*deinit)(void);
  int (*options)(const char *option, const void *);
  int (*authenticate_user)(MYSQL_PLUGIN_VIO *vio, MYSQL *mysql);
};

/* The TLS guard: the first authentication step of a connection that must be encrypted.
   libmariadb 3.3 ignores MYSQL_OPT_SSL_ENFORCE when the server's greeting lacks CLIENT_SSL (it falls back to plain
   TCP and sends the login packet: user name and password scramble). This plugin runs after the greeting is read
   and before the login packet is written: without TLS on both sides it fails without writing anything. With TLS,
   libmariadb has switched to TLS when the plugin writes its (empty) first packet; the server then asks to switch to
   its own authentication plugin, which MARIADB_OPT_RESTRICTED_AUTH limits. */
static int drift_tls_guard_authenticate(MYSQL_PLUGIN_VIO *vio, MYSQL *mysql) {
  if (!(mysql->server_capabilities & CLIENT_SSL) || !mysql->options.use_ssl) {
    mysql->net.last_errno = 2026; /* CR_SSL_CONNECTION_ERROR */
    strncpy(mysql->net.sqlstate, "HY000", sizeof(mysql->net.sqlstate) - 1);
    strncpy(mysql->net.last_error, "the server does not offer TLS; no credentials were sent",
            sizeof(mysql->net.last_error) - 1);
    return CR_ERROR;
  }
  if (vio->write_packet(vio, 0, 0)) return CR_ERROR;
  return CR_OK;
}

/* Registers the TLS guard with libmariadb (process-wide, once); returns 0 on success. */
static inline int drift_register_tls_guard(MYSQL *mysql) {
  static struct drift_auth_plugin plugin = {
    2 /* MYSQL_CLIENT_AUTHENTICATION_PLUGIN */, 0x0100 /* its interface version */,
    DRIFT_TLS_GUARD_PLUGIN, "starrocks-drift", "refuses to log in over an unencrypted connection",
    {1, 0, 0}, "Apache-2.0", NULL, NULL, NULL, NULL, drift_tls_guard_authenticate
  };
  if (mysql_client_find_plugin(mysql, DRIFT_TLS_GUARD_PLUGIN, 2)) return 0;
  return mysql_client_register_plugin(mysql, (struct st_mysql_client_plugin *)&plugin) ? 0 : 1;
}

/* mysql_optionsv for a string-valued option (Swift cannot call the variadic function). */
static inline int drift_set_string_option(MYSQL *mysql, enum mysql_option option, const char *value) {
  return mysql_optionsv(mysql, option, value);
}
#endif
