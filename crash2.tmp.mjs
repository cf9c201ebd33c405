import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import { spawn } from 'node:child_process';
const [,, mode, spill] = process.argv;
const f='/tmp/rkc2-'+spill+'.sqlite';
if (mode === 'child') {
  const db=new Database(f); db.pragma("cipher='sqlcipher'"); db.pragma("key='a'");
  db.pragma('journal_mode=DELETE'); if (spill==='off') db.pragma('cache_spill=OFF'); const t=Date.now(); process.stdout.write('go\n'); db.pragma("rekey='b'"); process.stdout.write('done '+(Date.now()-t)+'\n'); setTimeout(()=>{},100000);
} else {
  const tally={};
  const base='/tmp/rkc2-base.sqlite';
  if (!fs.existsSync(base)) { const db=new Database(base); db.pragma("cipher='sqlcipher'"); db.pragma("key='a'"); db.exec('create table t(x)'); const ins=db.prepare('insert into t values(?)'); db.transaction(()=>{for(let i=0;i<200000;i++) ins.run('hello world patient '+i);})(); db.close(); }
  for (let trial=0; trial<50; trial++) {
    for (const s of ['','-wal','-shm','-journal']) fs.rmSync(f+s,{force:true});
    fs.copyFileSync(base, f);
    const delay = 300+Math.floor(Math.random()*500);
    const r = await new Promise((res)=>{ const c=spawn(process.execPath,[process.argv[1],'child',spill]); let out=''; c.stdout.on('data',d=>{out+=d; if(out.includes('go')) setTimeout(()=>c.kill('SIGKILL'),delay);}); c.on('exit',()=>res(out)); });
    const journal = fs.existsSync(f+'-journal');
    const probe=(k)=>{ try { const d=new Database(f); d.pragma("cipher='sqlcipher'"); d.pragma(`key='${k}'`); const c=d.prepare('select count(*) c from t').get().c; const ic=d.pragma('integrity_check',{simple:true}); d.close(); return c===200000 && ic==='ok'; } catch(e){ return false; } };
    const a=probe('a'); const b=a?false:probe('b');
    const key=(r.includes('done')?'done':'killed')+(journal?'+journal':'')+':'+(b?'new':a?'old':'NONE');
    tally[key]=(tally[key]??0)+1;
  }
  console.log(spill, JSON.stringify(tally));
}
