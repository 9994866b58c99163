//! Natives behind `os.js`: what the kernel says about this machine and user.

use std::ffi::CStr;

use rquickjs::{Ctx, Function, Object, Result};

/// One address of a network interface, from getifaddrs(3).
struct InterfaceAddress {
    name: String,
    address: std::net::IpAddr,
    netmask: std::net::IpAddr,
    internal: bool,
    scope_id: u32,
}

/// The interfaces' addresses, and each interface's MAC address (from its
/// AF_PACKET entry).
fn interfaces() -> (Vec<InterfaceAddress>, Vec<(String, [u8; 6])>) {
    let mut addresses = Vec::new();
    let mut macs = Vec::new();
    let mut list: *mut libc::ifaddrs = std::ptr::null_mut();
    // SAFETY: getifaddrs fills a list freed below.
    if unsafe { libc::getifaddrs(&mut list) } != 0 {
        return (addresses, macs);
    }
    let mut at = list;
    while !at.is_null() {
        // SAFETY: a node of getifaddrs's list.
        let entry = unsafe { &*at };
        at = entry.ifa_next;
        if entry.ifa_addr.is_null() || entry.ifa_flags & libc::IFF_UP as u32 == 0 {
            continue;
        }
        // SAFETY: ifa_name is a NUL-terminated string.
        let name = unsafe { CStr::from_ptr(entry.ifa_name) }.to_string_lossy().into_owned();
        let internal = entry.ifa_flags & libc::IFF_LOOPBACK as u32 != 0;
        // SAFETY: the family tells the address's layout.
        unsafe {
            match i32::from((*entry.ifa_addr).sa_family) {
                libc::AF_PACKET => {
                    let link = &*(entry.ifa_addr as *const libc::sockaddr_ll);
                    let mut mac = [0u8; 6];
                    mac.copy_from_slice(&link.sll_addr[..6]);
                    macs.push((name, mac));
                }
                libc::AF_INET if !entry.ifa_netmask.is_null() => {
                    let ip = |a: *const libc::sockaddr| {
                        std::net::IpAddr::from(
                            u32::from_be((*(a as *const libc::sockaddr_in)).sin_addr.s_addr).to_be_bytes(),
                        )
                    };
                    let (address, netmask) = (ip(entry.ifa_addr), ip(entry.ifa_netmask));
                    addresses.push(InterfaceAddress { name, address, netmask, internal, scope_id: 0 });
                }
                libc::AF_INET6 if !entry.ifa_netmask.is_null() => {
                    let v6 = |a: *const libc::sockaddr| &*(a as *const libc::sockaddr_in6);
                    let address = std::net::IpAddr::from(v6(entry.ifa_addr).sin6_addr.s6_addr);
                    let netmask = std::net::IpAddr::from(v6(entry.ifa_netmask).sin6_addr.s6_addr);
                    let scope_id = v6(entry.ifa_addr).sin6_scope_id;
                    addresses.push(InterfaceAddress { name, address, netmask, internal, scope_id });
                }
                _ => {}
            }
        }
    }
    // SAFETY: the list getifaddrs made.
    unsafe { libc::freeifaddrs(list) };
    (addresses, macs)
}

pub fn register<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> Result<()> {
    let native = &super::group(ctx, native, "os")?;
    // networkInterfaces(): [[name, address, netmask, family, mac, internal, scopeid]…]
    native.set(
        "networkInterfaces",
        Function::new(ctx.clone(), |ctx: Ctx<'js>| -> Result<rquickjs::Array<'js>> {
            let (addresses, macs) = interfaces();
            let all = rquickjs::Array::new(ctx.clone())?;
            for (i, entry) in addresses.iter().enumerate() {
                let mac = macs.iter().find(|(name, _)| *name == entry.name).map_or([0; 6], |(_, mac)| *mac);
                let mac = mac.iter().map(|b| format!("{b:02x}")).collect::<Vec<_>>().join(":");
                let row = rquickjs::Array::new(ctx.clone())?;
                row.set(0, entry.name.as_str())?;
                row.set(1, entry.address.to_string())?;
                row.set(2, entry.netmask.to_string())?;
                row.set(3, if entry.address.is_ipv6() { "IPv6" } else { "IPv4" })?;
                row.set(4, mac)?;
                row.set(5, entry.internal)?;
                row.set(6, entry.scope_id)?;
                all.set(i, row)?;
            }
            Ok(all)
        })?,
    )?;
    native.set(
        "uname",
        Function::new(ctx.clone(), |ctx: Ctx<'js>| -> Result<Object<'js>> {
            // SAFETY: uname fills a zeroed struct of NUL-terminated fields.
            let mut name: libc::utsname = unsafe { std::mem::zeroed() };
            unsafe { libc::uname(&mut name) };
            let field = |f: &[libc::c_char]| unsafe { CStr::from_ptr(f.as_ptr()) }.to_string_lossy().into_owned();
            let uname = Object::new(ctx)?;
            uname.set("sysname", field(&name.sysname))?;
            uname.set("release", field(&name.release))?;
            uname.set("version", field(&name.version))?;
            uname.set("machine", field(&name.machine))?;
            uname.set("nodename", field(&name.nodename))?;
            Ok(uname)
        })?,
    )?;
    native.set(
        "memory",
        Function::new(ctx.clone(), |ctx: Ctx<'js>| -> Result<Object<'js>> {
            // libuv reports MemAvailable as free memory.
            let info = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
            let kib = |key: &str| {
                info.lines()
                    .find_map(|l| l.strip_prefix(key)?.trim().strip_suffix("kB")?.trim().parse::<f64>().ok())
                    .unwrap_or(0.0)
            };
            let memory = Object::new(ctx)?;
            memory.set("total", kib("MemTotal:") * 1024.0)?;
            memory.set("free", kib("MemAvailable:") * 1024.0)?;
            Ok(memory)
        })?,
    )?;
    native.set(
        "uptime",
        Function::new(ctx.clone(), || {
            let text = std::fs::read_to_string("/proc/uptime").unwrap_or_default();
            text.split_whitespace().next().and_then(|s| s.parse::<f64>().ok()).unwrap_or(0.0)
        })?,
    )?;
    native.set(
        "loadavg",
        Function::new(ctx.clone(), || {
            let mut loads = [0.0f64; 3];
            // SAFETY: writes at most three doubles.
            unsafe { libc::getloadavg(loads.as_mut_ptr(), 3) };
            loads.to_vec()
        })?,
    )?;
    native.set(
        "cpus",
        Function::new(ctx.clone(), |ctx: Ctx<'js>| -> Result<Vec<Object<'js>>> {
            let cpu = |(model, speed, times): (String, f64, Vec<f64>)| -> Result<Object<'js>> {
                let entry = Object::new(ctx.clone())?;
                entry.set("model", model)?;
                entry.set("speed", speed)?;
                entry.set("times", times)?;
                Ok(entry)
            };
            cpus().into_iter().map(cpu).collect()
        })?,
    )?;
    native.set(
        "user",
        Function::new(ctx.clone(), |ctx: Ctx<'js>| -> Result<Option<Object<'js>>> {
            // SAFETY: getpwuid_r with a buffer it may use; the result points into it.
            unsafe {
                let uid = libc::geteuid();
                let mut entry: libc::passwd = std::mem::zeroed();
                let mut buffer = vec![0 as libc::c_char; 16 * 1024];
                let mut found = std::ptr::null_mut();
                libc::getpwuid_r(uid, &mut entry, buffer.as_mut_ptr(), buffer.len(), &mut found);
                if found.is_null() {
                    return Ok(None);
                }
                let text = |p: *const libc::c_char| CStr::from_ptr(p).to_string_lossy().into_owned();
                let user = Object::new(ctx)?;
                user.set("uid", uid)?;
                user.set("gid", libc::getegid())?;
                user.set("username", text(entry.pw_name))?;
                user.set("homedir", text(entry.pw_dir))?;
                user.set("shell", text(entry.pw_shell))?;
                Ok(Some(user))
            }
        })?,
    )?;
    Ok(())
}

/// Each CPU's model, speed (MHz) and times (ms) in user, nice, sys, idle, irq.
fn cpus() -> Vec<(String, f64, Vec<f64>)> {
    let info = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let values = |key: &str| -> Vec<String> {
        info.lines()
            .filter(|l| l.split(':').next().is_some_and(|k| k.trim() == key))
            .filter_map(|l| Some(l.split_once(':')?.1.trim().to_owned()))
            .collect()
    };
    let (models, speeds) = (values("model name"), values("cpu MHz"));
    // SAFETY: sysconf has no preconditions.
    let tick_ms = 1000.0 / unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as f64;
    let stat = std::fs::read_to_string("/proc/stat").unwrap_or_default();
    stat.lines()
        .filter(|l| l.starts_with("cpu") && l.as_bytes().get(3).is_some_and(u8::is_ascii_digit))
        .enumerate()
        .map(|(i, line)| {
            let ticks: Vec<f64> = line.split_whitespace().skip(1).filter_map(|t| t.parse().ok()).collect();
            let at = |k: usize| ticks.get(k).copied().unwrap_or(0.0) * tick_ms;
            let model = models.get(i).cloned().unwrap_or_default();
            let speed = speeds.get(i).and_then(|s| s.parse::<f64>().ok()).unwrap_or(0.0).floor();
            (model, speed, vec![at(0), at(1), at(2), at(3), at(5)])
        })
        .collect()
}
