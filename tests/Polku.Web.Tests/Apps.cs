using Polku.Core.Data;
using Polku.Testing;

namespace Polku.Web.Tests;

public sealed class SqliteApp() : PolkuWebApp(DatabaseProvider.Sqlite);

public sealed class PostgresApp() : PolkuWebApp(DatabaseProvider.Postgres);
