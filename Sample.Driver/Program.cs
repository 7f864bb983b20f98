using System;
using Sample.Driver;

// A tiny VMM on /dev/kvm, written the way a user of IoctlSharp would: see SampleApp for the options.
return SampleApp.Run(args, Console.Out, Console.Error);
