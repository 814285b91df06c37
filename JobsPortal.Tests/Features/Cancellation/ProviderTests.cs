using JobsPortal.Tests.TestInfrastructure;

namespace JobsPortal.Tests.Features.Cancellation;

// One body of tests, run on each database the app supports (see SeededTemplate).

public sealed class CancellationServiceSqliteTests(SeededTemplate template)
    : CancellationServiceTests(template), IClassFixture<SeededTemplate>;

public sealed class CancellationServicePostgreSqlTests(PostgreSqlSeededTemplate template)
    : CancellationServiceTests(template), IClassFixture<PostgreSqlSeededTemplate>;

public sealed class ReopenServiceSqliteTests(SeededTemplate template)
    : ReopenServiceTests(template), IClassFixture<SeededTemplate>;

public sealed class ReopenServicePostgreSqlTests(PostgreSqlSeededTemplate template)
    : ReopenServiceTests(template), IClassFixture<PostgreSqlSeededTemplate>;
