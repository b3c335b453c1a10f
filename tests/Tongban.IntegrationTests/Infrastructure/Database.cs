using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Platform.Persistence;

namespace Tongban.IntegrationTests.Infrastructure;

/// <summary>Direct database access, for what a user cannot do through the platform (tampering, schema checks).</summary>
public static class Database
{
    public static async Task<int> ExecuteSqlAsync(this TongbanApp app, string sql)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TongbanDbContext>();
#pragma warning disable EF1002 // Test-only SQL written by the test itself.
        return await db.Database.ExecuteSqlRawAsync(sql);
#pragma warning restore EF1002
    }

    public static async Task<T> WithDbAsync<T>(this TongbanApp app, Func<TongbanDbContext, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TongbanDbContext>());
    }
}
