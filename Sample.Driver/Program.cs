using System;
using System.IO;
using IoctlSharp;
using Microsoft.Win32.SafeHandles;
using Sample.Driver;

foreach (var target in AbiTargets.All)
{
    var l = AbiLayout.Of<PrivcmdMmapbatchV2>(target);
    Console.WriteLine($"{l}; Arr at {l["Arr"].Offset}; IOCTL_PRIVCMD_MMAPBATCH_V2 = 0x{Privcmd.Requests.MmapBatchV2.For(target):X8}");
}

using var kvm = File.OpenHandle("/dev/kvm", FileMode.Open, FileAccess.ReadWrite);
Console.WriteLine($"KVM_GET_API_VERSION = {Kvm.GetApiVersion(kvm)}");
Console.WriteLine(AbiLayout.Native<KvmUserspaceMemoryRegion>());
