using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Identity;
using Tongban.Domain.Primitives;
using Tongban.Platform.Demo;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Identity.Features.SeedDemo;

/// <summary>Demo staff for every role, citizens and enterprises with an agent each. One password for all (README).</summary>
internal sealed class IdentityDemoSeed(TongbanDbContext db, IPasswordHasher<Account> hasher, TimeProvider clock) : IDemoSeed
{
    public int Order => 20;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Set<Account>().AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        // One hash serves every demo account: hashing is deliberately slow.
        var passwordHash = hasher.HashPassword(null!, DemoCity.Password);
        foreach (var seed in DemoCity.Staff)
        {
            var roles = seed.Roles.Select(Enum.Parse<Role>).ToArray();
            var scope = new StaffScope(RegionCode.FromTrusted(seed.RegionCode), seed.DepartmentId);
            db.Add(Account.ForStaff(Guid.CreateVersion7(), seed.EmployeeId, seed.Name, passwordHash, roles, scope, now).Value);
        }

        var people = DemoCity.Citizens.Select(DemoCity.IdNumberFor).ToArray();
        for (var i = 0; i < people.Length; i++)
        {
            var seed = DemoCity.Citizens[i];
            db.Add(Person.Create(people[i], seed.Name, seed.Phone, seed.Address).Value);
            db.Add(Account.ForCitizen(Guid.CreateVersion7(), people[i], seed.Name, passwordHash, now));
        }

        foreach (var seed in DemoCity.Enterprises)
        {
            var uscc = DemoCity.UsccFor("91", seed.RegionCode, seed.OrganisationCodeBody);
            var representative = DemoCity.Citizens[seed.RepresentativeIndex];
            db.Add(LegalPerson.Create(uscc, seed.Name, RegionCode.FromTrusted(seed.RegionCode), seed.Address, representative.Name, people[seed.RepresentativeIndex]).Value);
            var agent = DemoCity.Citizens[seed.AgentIndex];
            db.Add(Account.ForAgent(Guid.CreateVersion7(), uscc, people[seed.AgentIndex], agent.Name, passwordHash, now));
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
